namespace Lianxin.Emergencies;

/// <summary>What became of a batch: the receipts of the people whose actor took the message, and every gateway attempt.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.BatchOutcome")]
public sealed record BatchOutcome(
    [property: Id(0)] IReadOnlyList<AlertReceipt> Receipts,
    [property: Id(1)] IReadOnlyList<DeliveryAttempt> Attempts);
