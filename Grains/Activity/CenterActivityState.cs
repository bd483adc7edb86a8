using Lianxin.Kiosks;

namespace Lianxin.Activity;

/// <summary>The persisted state of a center's activity. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.CenterActivityState")]
public sealed class CenterActivityState
{
    /// <summary>Visits as centers stored them before <see cref="VisitTable"/>: moved there on activation, empty since.</summary>
    [Id(0)] public Dictionary<string, List<Visit>> Visits { get; set; } = [];
    [Id(1)] public Dictionary<string, List<UnpairedCheckOut>> Unpaired { get; set; } = [];

    /// <summary>Per kiosk, the journal position applied through: a replayed event at or below it is skipped.</summary>
    [Id(2)] public Dictionary<string, long> AppliedPositions { get; set; } = [];
    [Id(3)] public Dictionary<DateOnly, DayCounts> Days { get; set; } = [];
    [Id(4)] public List<AfterHoursVisit> AfterHours { get; set; } = [];
    [Id(5)] public List<RejectedEvent> Rejected { get; set; } = [];
    [Id(6)] public Dictionary<string, KioskConnectivity> Kiosks { get; set; } = [];
    [Id(7)] public HashSet<string> OpenHelpRequests { get; set; } = [];
    [Id(8)] public Dictionary<Guid, HoursAwaitingDecision> HoursAwaiting { get; set; } = [];
    [Id(9)] public Dictionary<string, KioskAlert> Alerts { get; set; } = [];
    [Id(10)] public Dictionary<string, OutboxItem> Outbox { get; set; } = [];
    [Id(11)] public long OutboxVersion { get; set; }

    /// <summary>Refused kiosk events by id, with the reason: a replay answers what the first application answered.</summary>
    [Id(12)] public Dictionary<Guid, string> Refusals { get; set; } = [];
    [Id(13)] public List<Guid> RefusalOrder { get; set; } = [];

    [Id(14)] public VisitTable VisitTable { get; set; } = new();
}
