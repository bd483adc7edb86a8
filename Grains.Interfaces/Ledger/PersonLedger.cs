namespace Lianxin.Ledger;

/// <summary>A person's volunteer hours and points ledger, with the balance.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PersonLedger")]
public sealed record PersonLedger(
    [property: Id(0)] string PersonId,
    [property: Id(1)] IReadOnlyList<ServiceHours> Hours,
    [property: Id(2)] IReadOnlyList<PointsEntry> Points,
    [property: Id(3)] int Balance);
