namespace Lianxin.Kiosks;

/// <summary>
/// A kiosk alert, raised to its center and every center above it: offline for a sustained time during opening hours
/// (resolved when the kiosk is heard from again), or a peripheral out of order (resolved when it reports ok). For a
/// peripheral alert <see cref="OfflineSince"/> is when the peripheral was first seen out of order.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.KioskAlert")]
public sealed record KioskAlert(
    [property: Id(0)] string Id,
    [property: Id(1)] string KioskId,
    [property: Id(2)] string CenterId,
    [property: Id(3)] DateTimeOffset OfflineSince,
    [property: Id(4)] DateTimeOffset RaisedAt,
    [property: Id(5)] DateTimeOffset? ResolvedAt,
    [property: Id(6)] KioskAlertKind Kind = KioskAlertKind.Offline,
    [property: Id(7)] KioskAlertSeverity Severity = KioskAlertSeverity.Critical,
    [property: Id(8)] string? Peripheral = null,
    [property: Id(9)] PeripheralStatus? PeripheralStatus = null);
