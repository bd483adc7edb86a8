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

    /// <summary>
    /// Sets the SHA-256 hash of the kiosk's device key, replacing any earlier key (rotation), or removes it when
    /// null (revocation). NotFound when the kiosk is not registered.
    /// </summary>
    [Alias("SetKeyHash")]
    Task<RegistryResult> SetKeyHashAsync(byte[]? keyHash);

    /// <summary>Whether the kiosk has a device key now (a new key then rotates it rather than issuing the first).</summary>
    [Alias("HasKey"), ReadOnly]
    Task<bool> HasKeyAsync();

    /// <summary>The kiosk's center when <paramref name="keyHash"/> is the hash of its current device key; otherwise null.</summary>
    [Alias("Authenticate"), ReadOnly]
    Task<string?> AuthenticateAsync(byte[] keyHash);
}
