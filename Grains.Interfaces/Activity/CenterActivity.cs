using Lianxin.Common;
using Lianxin.Kiosks;

namespace Lianxin.Activity;

/// <summary>What a center's kiosks tell about it now: who is inside, today's traffic, kiosk health, tickets, hours and alerts.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CenterActivity")]
public sealed record CenterActivity(
    [property: Id(0)] string CenterId,
    [property: Id(1)] DateOnly Today,
    [property: Id(2)] IReadOnlyList<Visit> Inside,
    [property: Id(3)] IReadOnlyDictionary<BasicFunction, int> CheckInsTodayByPurpose,
    [property: Id(4)] IReadOnlyDictionary<PersonRole, int> CheckInsTodayByRole,
    [property: Id(5)] IReadOnlyDictionary<string, int> SelfServiceTodayByService,
    [property: Id(6)] IReadOnlyList<AfterHoursVisit> AfterHoursEntries,
    [property: Id(7)] IReadOnlyList<Visit> RecentlyClosed,
    [property: Id(8)] IReadOnlyList<RejectedEvent> Rejected,
    [property: Id(9)] int UnpairedCheckOuts,
    [property: Id(10)] IReadOnlyDictionary<string, KioskConnectivity> Kiosks,
    [property: Id(11)] IReadOnlyList<string> OpenHelpRequests,
    [property: Id(12)] IReadOnlyList<HoursAwaitingDecision> HoursAwaitingDecision,
    [property: Id(13)] IReadOnlyList<KioskAlert> Alerts);
