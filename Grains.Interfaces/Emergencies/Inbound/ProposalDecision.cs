namespace Lianxin.Emergencies;

/// <summary>The answer to confirming or dismissing a proposal.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ProposalDecision")]
public sealed record ProposalDecision(
    [property: Id(0)] ProposalOutcome Outcome,
    [property: Id(1)] string? Detail,
    [property: Id(2)] AlertProposal? Proposal,
    [property: Id(3)] LaunchResult? Launch);
