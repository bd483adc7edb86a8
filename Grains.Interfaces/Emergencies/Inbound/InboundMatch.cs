namespace Lianxin.Emergencies;

/// <summary>A scenario an inbound warning matched, and what came of it: a proposal or a launched emergency.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.InboundMatch")]
public sealed record InboundMatch(
    [property: Id(0)] string ScenarioId,
    [property: Id(1)] InboundAction Action,
    [property: Id(2)] EmergencyMode Mode,
    [property: Id(3)] EmergencyLevel Level,
    [property: Id(4)] string? ProposalId,
    [property: Id(5)] string? EmergencyId);
