using Lianxin.Governance;

namespace Lianxin.HelpRequests;

/// <summary>The answer to a help-request action: the ticket after it, or the reason it was refused (nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.HelpRequestOutcome")]
public sealed record HelpRequestOutcome(
    [property: Id(0)] LoopTicket? Ticket,
    [property: Id(1)] string? Refusal,
    [property: Id(2)] HelpRequestRefusal Kind = HelpRequestRefusal.None)
{
    /// <summary>True when the step was taken (there is no refusal).</summary>
    public bool Accepted => Refusal is null;

    /// <summary>The refusal for a help request that does not exist.</summary>
    public static HelpRequestOutcome NotFound(string id) => new(null, $"Help request '{id}' does not exist.", HelpRequestRefusal.NotFound);
}
