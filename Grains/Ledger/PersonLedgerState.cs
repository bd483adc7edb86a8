namespace Lianxin.Ledger;

/// <summary>The persisted state of a person's hours and points. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.PersonLedgerState")]
public sealed class PersonLedgerState
{
    [Id(0)] public List<ServiceHours> Hours { get; set; } = [];
    [Id(1)] public List<PointsEntry> Points { get; set; } = [];

    /// <summary>Redemptions refused (by event id, with the reason): a replayed or re-sent one gets the same answer.</summary>
    [Id(2)] public Dictionary<Guid, string> RefusedRedemptions { get; set; } = [];
    [Id(3)] public List<Guid> RefusalOrder { get; set; } = [];
}
