namespace Lianxin.Kiosks;

/// <summary>The persisted state of a kiosk. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.KioskState")]
public sealed class KioskState
{
    /// <summary>Null until the kiosk is registered.</summary>
    [Id(0)] public KioskProfile? Profile { get; set; }

    /// <summary>SHA-256 of the kiosk's device key; the key itself is shown once and never stored. Null: no key.</summary>
    [Id(1)] public byte[]? KeyHash { get; set; }
}
