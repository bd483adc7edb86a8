namespace Lianxin.Emergencies;

/// <summary>What became of a batch: whether a gateway of its channel took it, and every attempt made.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.BatchOutcome")]
public sealed record BatchOutcome(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] IReadOnlyList<DeliveryAttempt> Attempts);
