using Lianxin.Common;
using Lianxin.HelpRequests;

namespace Lianxin.Governance;

/// <summary>
/// The closed loop of a help request (问题导向、量化闭环) as a pure state machine: open → assigned → in progress →
/// resolved → rated, with a time limit on every stage. A stage that outlives its limit escalates one level up each
/// time — the street or town, then the district — each escalation with its own time limit, and the request keeps its
/// owner, who may carry on. Party-building tasks go only to
/// party members who are not third-party accounts (非党员不得从事党务工作). The actor rules of who may assign or
/// rate belong to the caller; the machine only checks that start and resolve come from the owner.
/// </summary>
public sealed partial class ClosedLoopLifecycle(ClosedLoopTimeLimits limits)
{
    public const string SystemActor = "system";

    public ClosedLoopTimeLimits Limits => limits;

    public LoopTicket Open(
        string id, string centerId, IReadOnlyList<string> escalationChain, BasicFunction function, string summary, string raisedBy, DateTimeOffset now,
        string? personId = null) =>
        new(id, centerId, function, summary, raisedBy, now, HelpRequestState.Open, null, now + limits.ToAssign, escalationChain, 0, null, null, null,
            [new LoopEvent(now, HelpRequestState.Open, raisedBy, summary)], personId);

    /// <summary>Gives the request to someone; allowed until it is resolved, so a center or street can reassign it.</summary>
    public LoopTransition Assign(LoopTicket ticket, LoopAssignee to, string actor, DateTimeOffset now, string? note = null)
    {
        if (ticket.IsFinished)
        {
            return LoopTransition.Refuse(ticket, $"Request '{ticket.Id}' is already {Stage(ticket.Stage)}.");
        }

        if (ticket.Order is not null)
        {
            return LoopTransition.Refuse(ticket, $"Request '{ticket.Id}' is an order: people claim it, it is not assigned.");
        }

        if (PartyAffairsRule.Refusal(ticket.Function, to) is { } partyRefusal)
        {
            return LoopTransition.Refuse(ticket, partyRefusal, HelpRequestRefusal.PartyAffairs);
        }

        return LoopTransition.Accept(Enter(ticket, HelpRequestState.Assigned, actor, now, note ?? $"Assigned to {to.Name}.") with { Owner = to, EscalatedFrom = null });
    }

    /// <summary>The owner starts work: from assigned, or from an escalation of an assigned request.</summary>
    public LoopTransition Start(LoopTicket ticket, string actor, DateTimeOffset now, string? note = null) =>
        OwnerStep(ticket, actor, HelpRequestState.Assigned, HelpRequestState.InProgress, now, note);

    /// <summary>
    /// The owner starts work, with the owner's facts as they are now: a party-building request whose owner is no
    /// longer a party member (or turned out to be a third-party account) is refused and must be reassigned.
    /// </summary>
    public LoopTransition Start(LoopTicket ticket, LoopAssignee handler, DateTimeOffset now, string? note = null) =>
        PartyAffairsRule.Refusal(ticket.Function, handler) is { } refusal
            ? LoopTransition.Refuse(ticket, refusal, HelpRequestRefusal.PartyAffairs)
            : Start(ticket, handler.Id, now, note);

    /// <summary>The owner reports it solved: from in progress, or from an escalation of a request in progress.</summary>
    public LoopTransition Resolve(LoopTicket ticket, string actor, DateTimeOffset now, string? note = null)
    {
        var step = OwnerStep(ticket, actor, HelpRequestState.InProgress, HelpRequestState.Resolved, now, note);
        return step.Accepted ? LoopTransition.Accept(step.Ticket with { ResolvedAt = now }) : step;
    }

    /// <summary>The owner reports it solved, with the owner's facts as they are now (see <see cref="Start(LoopTicket, LoopAssignee, DateTimeOffset, string?)"/>).</summary>
    public LoopTransition Resolve(LoopTicket ticket, LoopAssignee handler, DateTimeOffset now, string? note = null) =>
        PartyAffairsRule.Refusal(ticket.Function, handler) is { } refusal
            ? LoopTransition.Refuse(ticket, refusal, HelpRequestRefusal.PartyAffairs)
            : Resolve(ticket, handler.Id, now, note);

    /// <summary>The resident rates the outcome, 1 (poor) to 5 (very good), within the rating window.</summary>
    public LoopTransition Rate(LoopTicket ticket, int rating, string actor, DateTimeOffset now, string? comment = null)
    {
        if (ticket.Stage != HelpRequestState.Resolved)
        {
            return LoopTransition.Refuse(ticket, $"Only a resolved request can be rated; '{ticket.Id}' is {Stage(ticket.Stage)}.");
        }

        if (rating is < 1 or > 5)
        {
            return LoopTransition.Refuse(ticket, "A rating is 1 to 5.", HelpRequestRefusal.Invalid);
        }

        return LoopTransition.Accept(Enter(ticket, HelpRequestState.Rated, actor, now, comment ?? $"Rated {rating}.") with { Rating = rating });
    }

    /// <summary>
    /// Applies every time limit that has passed by <paramref name="now"/>, each at the moment it passed: an open,
    /// assigned, in-progress or escalated request escalates one level per limit; a resolved one closes unrated.
    /// Calling it again, or early, changes nothing, so timers that fire twice or late do no harm.
    /// </summary>
    public LoopTicket ApplyDeadlines(LoopTicket ticket, DateTimeOffset now)
    {
        while (ticket.DueAt is { } due && now >= due)
        {
            ticket = ticket.Stage == HelpRequestState.Resolved ? CloseUnrated(ticket, due) : Escalate(ticket, due);
        }

        return ticket;
    }

    private LoopTicket Escalate(LoopTicket ticket, DateTimeOffset at)
    {
        if (ticket.EscalationLevel >= ticket.EscalationChain.Count)
        {
            // Already at the top of the chain: it stays escalated there, and no further timer is needed.
            return ticket with { DueAt = null, History = [.. ticket.History, new LoopEvent(at, HelpRequestState.Escalated, SystemActor, $"Still overdue at {ticket.EscalatedTo ?? "the top"}.")] };
        }

        var from = ticket.Stage == HelpRequestState.Escalated ? ticket.EscalatedFrom : ticket.Stage;
        var level = ticket.EscalationLevel + 1;
        var to = ticket.EscalationChain[level - 1];
        var escalated = Enter(ticket with { EscalationLevel = level, EscalatedFrom = from }, HelpRequestState.Escalated, SystemActor, at, "");
        var note = $"Overdue in {Stage(ticket.Stage)}: escalated to {to}, to be acted on by {escalated.DueAt:yyyy-MM-dd'T'HH:mm:ssK}.";
        return escalated with { History = [.. ticket.History, new LoopEvent(at, HelpRequestState.Escalated, SystemActor, note)] };
    }

    private static LoopTicket CloseUnrated(LoopTicket ticket, DateTimeOffset at) =>
        ticket with
        {
            Stage = HelpRequestState.Closed,
            DueAt = null,
            History = [.. ticket.History, new LoopEvent(at, HelpRequestState.Closed, SystemActor, "The rating window passed without a rating.")],
        };

    private LoopTransition OwnerStep(LoopTicket ticket, string actor, HelpRequestState from, HelpRequestState to, DateTimeOffset now, string? note)
    {
        var effective = ticket.Stage == HelpRequestState.Escalated ? ticket.EscalatedFrom : ticket.Stage;
        if (effective != from)
        {
            return LoopTransition.Refuse(ticket, $"Request '{ticket.Id}' is {Stage(ticket.Stage)}; it must be {Stage(from)} to become {Stage(to)}.");
        }

        // An order's claimers work it together: any of them may record a step for the group.
        if (ticket.Owner is not { } owner || (owner.Id != actor && ticket.Order?.ClaimedBy(actor) != true))
        {
            return LoopTransition.Refuse(ticket, $"Only the owner of request '{ticket.Id}' may do this.");
        }

        return LoopTransition.Accept(Enter(ticket, to, actor, now, note) with { EscalatedFrom = null });
    }

    private LoopTicket Enter(LoopTicket ticket, HelpRequestState stage, string actor, DateTimeOffset at, string? note) =>
        ticket with
        {
            Stage = stage,
            DueAt = limits.For(stage) is { } limit ? at + limit : null,
            History = [.. ticket.History, new LoopEvent(at, stage, actor, note)],
        };

    private static string Stage(HelpRequestState stage) => GovernanceText.Name(stage);
}
