using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>
/// The demonstration-center selection of one region and selection year, keyed by
/// <see cref="GovernanceKeys.Demonstration"/>. Selections happen every two years and only among centers whose
/// final rating for that year is 5 stars.
/// </summary>
[Alias("Lianxin.IDemonstrationGrain")]
public interface IDemonstrationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the selection, replacing an earlier one of the same year (both are kept). Conflict when the year
    /// is not a selection year or a center's final rating for the year is not 5 stars.
    /// </summary>
    [Alias("Select")]
    Task<RegistryResult> SelectAsync(DemonstrationSelection selection);

    /// <summary>The current selection, or null when none was recorded.</summary>
    [Alias("Get"), ReadOnly]
    Task<DemonstrationSelection?> GetAsync();
}
