namespace Lianxin.Kiosks;

/// <summary>
/// Which peripheral states raise an alert, and how severe: a fault or a disconnected peripheral (printer out of paper,
/// scanner fault) is major, a warning (paper low) minor, ok none. Pure, unit-tested; the health actor applies the
/// changes it answers.
/// </summary>
public static class PeripheralAlertRules
{
    public static KioskAlertSeverity? Severity(PeripheralStatus status) => status switch
    {
        PeripheralStatus.Fault or PeripheralStatus.Offline => KioskAlertSeverity.Major,
        PeripheralStatus.Warning => KioskAlertSeverity.Minor,
        _ => null,
    };

    /// <summary>
    /// What to change so the open alerts match the peripherals: alerts to raise (a peripheral out of order with no
    /// alert, or whose status changed) and alerts to resolve (the peripheral is ok again, gone, or its status changed).
    /// </summary>
    public static (IReadOnlyList<KioskAlert> Raise, IReadOnlyList<KioskAlert> Resolve) Reconcile(
        string kioskId, string centerId, IReadOnlyDictionary<string, PeripheralStatus> peripherals, IReadOnlyDictionary<string, KioskAlert> open, DateTimeOffset now)
    {
        var raise = new List<KioskAlert>();
        var resolve = new List<KioskAlert>();
        foreach (var (name, alert) in open)
        {
            if (!peripherals.TryGetValue(name, out var status) || status != alert.PeripheralStatus)
            {
                resolve.Add(alert with { ResolvedAt = now });
            }
        }

        foreach (var (name, status) in peripherals.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (Severity(status) is { } severity && !(open.TryGetValue(name, out var alert) && alert.PeripheralStatus == status))
            {
                raise.Add(new KioskAlert(
                    $"kiosk-peripheral-{kioskId}-{name}-{now.ToUnixTimeMilliseconds()}", kioskId, centerId, now, now, null,
                    KioskAlertKind.Peripheral, severity, name, status));
            }
        }

        return (raise, resolve);
    }
}
