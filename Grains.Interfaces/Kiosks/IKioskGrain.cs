using Lianxin.Common;

namespace Lianxin.Kiosks;

/// <summary>One kiosk, keyed by kiosk id.</summary>
[Alias("Lianxin.IKioskGrain")]
public interface IKioskGrain : IGrainWithStringKey
{
    /// <summary>The kiosk, or null when never registered.</summary>
    [Alias("Get"), ReadOnly]
    Task<KioskSnapshot?> GetAsync();

    /// <summary>Registers the kiosk at a center; Conflict when it exists, NotFound when the center does not.</summary>
    [Alias("Create")]
    Task<RegistryResult> CreateAsync(KioskProfile profile);

    /// <summary>Replaces the kiosk's facts (it may move to another center).</summary>
    [Alias("Update")]
    Task<RegistryResult> UpdateAsync(KioskProfile profile);
}
