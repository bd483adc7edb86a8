namespace Lianxin.Listings;

/// <summary>A kiosk as the registry list holds it (its health is read when the page is answered).</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.KioskListItem")]
public sealed record KioskListItem([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string CenterId);
