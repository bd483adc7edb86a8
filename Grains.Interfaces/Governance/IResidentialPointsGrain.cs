using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>
/// The residential points a center answers for (those in its grids, and remote places assigned to it), keyed by
/// the center id: the registry the 15-minute service circle is measured on.
/// </summary>
[Alias("Lianxin.IResidentialPointsGrain")]
public interface IResidentialPointsGrain : IGrainWithStringKey
{
    /// <summary>Replaces the center's points; NotFound when the center does not exist.</summary>
    [Alias("Replace")]
    Task<RegistryResult> ReplaceAsync(IReadOnlyList<ResidentialPoint> points);

    /// <summary>The center's points, empty when none were registered.</summary>
    [Alias("Get"), ReadOnly]
    Task<IReadOnlyList<ResidentialPoint>> GetAsync();
}
