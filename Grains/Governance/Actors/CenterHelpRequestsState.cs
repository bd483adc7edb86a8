namespace Lianxin.Governance;

/// <summary>The tickets of one center and year as one state, before they were a book: read once to move them into it.</summary>
[GenerateSerializer, Alias("Lianxin.CenterHelpRequestsState")]
public sealed class CenterHelpRequestsState
{
    [Id(0)] public Dictionary<string, LoopTicket> Tickets { get; set; } = [];
}
