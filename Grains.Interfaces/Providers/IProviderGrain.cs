using Lianxin.Common;

namespace Lianxin.Providers;

/// <summary>One qualified provider, keyed by its id.</summary>
[Alias("Lianxin.IProviderGrain")]
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>Lists it; Conflict when the id is taken.</summary>
    [Alias("Create")]
    Task<RegistryResult> CreateAsync(ProviderProfile profile, string by);

    /// <summary>Changes it (the region stays); NotFound when it was never listed.</summary>
    [Alias("Update")]
    Task<RegistryResult> UpdateAsync(ProviderProfile profile, string by);

    /// <summary>The provider, or null when never listed.</summary>
    [Alias("Get"), ReadOnly]
    Task<ProviderView?> GetAsync();

    /// <summary>Remembers that a center engaged it (its licence warnings go there); idempotent.</summary>
    [Alias("RecordUse")]
    Task RecordUseAsync(string centerId);
}
