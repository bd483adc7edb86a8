namespace Lianxin.Ledger;

/// <summary>
/// A person's volunteer hours and points ledger, with the balance, the centers its entries came from (whose regions'
/// operators and auditors may read it) and how many entries of each list it may hold.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PersonLedger")]
public sealed record PersonLedger(
    [property: Id(0)] string PersonId,
    [property: Id(1)] IReadOnlyList<ServiceHours> Hours,
    [property: Id(2)] IReadOnlyList<PointsEntry> Points,
    [property: Id(3)] int Balance,
    [property: Id(4)] IReadOnlyList<string> Centers,
    [property: Id(5)] int MaxEntries);
