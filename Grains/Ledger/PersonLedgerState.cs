namespace Lianxin.Ledger;

/// <summary>The persisted state of a person's hours and points. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.PersonLedgerState")]
public sealed class PersonLedgerState
{
    /// <summary>Hours as ledgers kept them before their book (Common.IBookStore): moved there when the ledger wakes.</summary>
    [Id(0)] public List<ServiceHours> Hours { get; set; } = [];
    [Id(1)] public List<PointsEntry> Points { get; set; } = [];

    /// <summary>Redemptions refused (by event id, with the reason): a replayed or re-sent one gets the same answer.</summary>
    [Id(2)] public Dictionary<Guid, string> RefusedRedemptions { get; set; } = [];
    [Id(3)] public List<Guid> RefusalOrder { get; set; } = [];

    /// <summary>The centers the entries came from (hours served, kiosks redeemed at): whose regions may read the ledger.</summary>
    [Id(4)] public HashSet<string> Centers { get; set; } = [];
}
