namespace Lianxin.Governance;

/// <summary>The answer to a help-request action: the new ticket, or the unchanged one with the reason it was refused.</summary>
public sealed record LoopTransition(LoopTicket Ticket, string? Refusal)
{
    public bool Accepted => Refusal is null;

    public static LoopTransition Accept(LoopTicket ticket) => new(ticket, null);

    public static LoopTransition Refuse(LoopTicket ticket, string reason) => new(ticket, reason);
}
