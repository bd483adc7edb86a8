namespace Lianxin.Governance;

/// <summary>
/// One roll-call drill (演练) of a center's people: how many it reached, and how long it took until 90 % of them had
/// answered themselves (answers recorded on their behalf do not count); null when 90 % was never reached.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.DrillEvidence")]
public sealed record DrillEvidence(
    [property: Id(0)] string EmergencyId,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] TimeSpan? TimeTo90PercentAccounted,
    [property: Id(3)] int People = 0);
