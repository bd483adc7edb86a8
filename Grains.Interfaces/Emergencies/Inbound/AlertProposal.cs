namespace Lianxin.Emergencies;

/// <summary>
/// A launch proposed by an inbound warning: which scenario, in which mode and level, for which region, why (the
/// warning's event, severity, urgency and headline), and what became of it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AlertProposal")]
public sealed record AlertProposal(
    [property: Id(0)] string Id,
    [property: Id(1)] string ScenarioId,
    [property: Id(2)] string ScenarioName,
    [property: Id(3)] string AlertKey,
    [property: Id(4)] string SourceId,
    [property: Id(5)] string Event,
    [property: Id(6)] CapSeverity Severity,
    [property: Id(7)] CapUrgency Urgency,
    [property: Id(8)] string? Headline,
    [property: Id(9)] EmergencyMode Mode,
    [property: Id(10)] EmergencyLevel Level,
    [property: Id(11)] string HomeCenterId,
    [property: Id(12)] DateTimeOffset ProposedAt,
    [property: Id(13)] ProposalState State,
    [property: Id(14)] string? EmergencyId,
    [property: Id(15)] string? DecidedBy,
    [property: Id(16)] DateTimeOffset? DecidedAt);
