namespace Lianxin.Governance;

/// <summary>The persisted tickets of one center and year. A schema: members only added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.CenterHelpRequestsState")]
public sealed class CenterHelpRequestsState
{
    [Id(0)] public Dictionary<string, LoopTicket> Tickets { get; set; } = [];
}
