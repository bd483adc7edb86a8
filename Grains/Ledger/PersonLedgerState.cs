namespace Lianxin.Ledger;

/// <summary>The persisted state of a person's hours and points. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.PersonLedgerState")]
public sealed class PersonLedgerState
{
    [Id(0)] public List<ServiceHours> Hours { get; set; } = [];
    [Id(1)] public List<PointsEntry> Points { get; set; } = [];
}
