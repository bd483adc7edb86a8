using Lianxin.HelpRequests;

namespace Lianxin.Governance;

/// <summary>The answer to a help-request action: the new ticket, or the unchanged one with the reason it was refused.</summary>
public sealed record LoopTransition(LoopTicket Ticket, string? Refusal, HelpRequestRefusal Kind = HelpRequestRefusal.None)
{
    public bool Accepted => Refusal is null;

    public static LoopTransition Accept(LoopTicket ticket) => new(ticket, null);

    /// <summary>Refused: by default because the stage or owner does not allow it.</summary>
    public static LoopTransition Refuse(LoopTicket ticket, string reason, HelpRequestRefusal kind = HelpRequestRefusal.Conflict) => new(ticket, reason, kind);
}
