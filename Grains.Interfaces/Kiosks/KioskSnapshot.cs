namespace Lianxin.Kiosks;

/// <summary>A kiosk as read through the API.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.KioskSnapshot")]
public sealed record KioskSnapshot([property: Id(0)] string Id, [property: Id(1)] KioskProfile Profile);
