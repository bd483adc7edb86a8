namespace Lianxin.Emergencies;

/// <summary>The persisted proposals. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.AlertProposalsState")]
public sealed class AlertProposalsState
{
    [Id(0)] public Dictionary<string, AlertProposal> Proposals { get; set; } = [];
}
