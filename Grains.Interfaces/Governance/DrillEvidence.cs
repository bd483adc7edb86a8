namespace Lianxin.Governance;

/// <summary>
/// One roll-call drill (演练) of a center's people: how long it took until 90 % of them were accounted for;
/// null when 90 % was never reached.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.DrillEvidence")]
public sealed record DrillEvidence(
    [property: Id(0)] string EmergencyId,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] TimeSpan? TimeTo90PercentAccounted);
