using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>
/// A center's activity evidence of one year: check-ins by function, approved volunteer hours, and kiosk uptime
/// (averaged over kiosks; null when no kiosk reported a watched day). Null members: nothing was reported.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CenterYearEvidence")]
public sealed record CenterYearEvidence(
    [property: Id(0)] IReadOnlyDictionary<BasicFunction, int>? CheckInsByFunction,
    [property: Id(1)] double? ApprovedVolunteerHours,
    [property: Id(2)] double? KioskUptimePercent,
    [property: Id(3)] int DaysWithCheckIns,
    [property: Id(4)] int KioskDaysWatched);
