namespace Lianxin.Kiosks;

/// <summary>A kiosk offline for a sustained time during opening hours; resolved when it beats again.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.KioskAlert")]
public sealed record KioskAlert(
    [property: Id(0)] string Id,
    [property: Id(1)] string KioskId,
    [property: Id(2)] string CenterId,
    [property: Id(3)] DateTimeOffset OfflineSince,
    [property: Id(4)] DateTimeOffset RaisedAt,
    [property: Id(5)] DateTimeOffset? ResolvedAt);
