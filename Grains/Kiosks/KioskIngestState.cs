namespace Lianxin.Kiosks;

/// <summary>
/// The persisted state of a kiosk's ingest: how far its journal stream is durably applied, and counts. A schema:
/// members are only ever added, ids never reused.
/// </summary>
[GenerateSerializer, Alias("Lianxin.KioskIngestState")]
public sealed class KioskIngestState
{
    /// <summary>Every journal entry of the kiosk at or below this position is applied and its effects are durable.</summary>
    [Id(0)] public long AppliedPosition { get; set; }
    [Id(1)] public long Accepted { get; set; }
    [Id(2)] public long Rejected { get; set; }
    [Id(3)] public long Duplicates { get; set; }
    [Id(4)] public DateTimeOffset? LastBatchAt { get; set; }

    /// <summary>Recent rule refusals, so a re-sent refused event is answered with the same reason.</summary>
    [Id(5)] public Dictionary<Guid, string> RecentRejections { get; set; } = [];
    [Id(6)] public List<Guid> RejectionOrder { get; set; } = [];
}
