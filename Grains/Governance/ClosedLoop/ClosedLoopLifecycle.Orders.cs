using Lianxin.HelpRequests;

namespace Lianxin.Governance;

/// <summary>
/// Orders on the same loop (群众点单 · 组织派单 · 党员接单): staff turn an open request into an order with its terms, or
/// reject it with the reason; eligible people claim it first come first served until it has the people it needs, when
/// it becomes assigned (the first claimer its owner) and carries on as any request: start, resolve, rate.
/// </summary>
public sealed partial class ClosedLoopLifecycle
{
    /// <summary>Turns an open (or overdue open) request into an order, open for claims until its time limit passes.</summary>
    public LoopTransition Dispatch(LoopTicket ticket, OrderTerms terms, string actor, DateTimeOffset now, string? note = null)
    {
        if (ticket.WorkStage != HelpRequestState.Open || ticket.IsFinished)
        {
            return LoopTransition.Refuse(ticket, $"Only an open request can become an order; '{ticket.Id}' is {Stage(ticket.Stage)}.");
        }

        if (terms.PeopleNeeded < 1 || terms.TimeLimit <= TimeSpan.Zero)
        {
            return LoopTransition.Refuse(ticket, "An order needs at least one person and a time limit.", HelpRequestRefusal.Invalid);
        }

        var order = new LoopOrder(terms.Skills, terms.PeopleNeeded, terms.TimeLimit, actor, now, [], terms.TeamId);
        var text = note ?? $"Order for {terms.PeopleNeeded} {(terms.PeopleNeeded == 1 ? "person" : "people")}{(terms.Skills.Count == 0 ? "" : $" with {string.Join(", ", terms.Skills)}")}.";
        var entered = Enter(ticket, HelpRequestState.Ordered, actor, now, text);
        return LoopTransition.Accept(entered with { Order = order, DueAt = now + terms.TimeLimit, EscalatedFrom = null });
    }

    /// <summary>Staff turn the request down with the reason: only before anyone has claimed it or been given it.</summary>
    public LoopTransition Reject(LoopTicket ticket, string reason, string actor, DateTimeOffset now)
    {
        var claimed = ticket.Order is { Claims.Count: > 0 };
        if (ticket.IsFinished || ticket.WorkStage is not (HelpRequestState.Open or HelpRequestState.Ordered) || claimed)
        {
            return LoopTransition.Refuse(ticket, $"Request '{ticket.Id}' is {Stage(ticket.Stage)}{(claimed ? " and already claimed" : "")}: it can no longer be rejected.");
        }

        return LoopTransition.Accept(Enter(ticket, HelpRequestState.Rejected, actor, now, reason) with { Rejection = reason, EscalatedFrom = null });
    }

    /// <summary>
    /// A claim, first come first served: accepted while the order still needs people and the claimer may do its work
    /// (the party-affairs rule, every skill it needs among <paramref name="skills"/>, and for a team's order membership of
    /// the team among <paramref name="teams"/>). A repeated claim by someone
    /// who holds one is answered with the ticket unchanged (the same instance), so it is never counted twice.
    /// </summary>
    public LoopTransition Claim(LoopTicket ticket, LoopAssignee who, IReadOnlyCollection<string> skills, DateTimeOffset now, IReadOnlyCollection<string>? teams = null)
    {
        if (ticket.Order is not { } order)
        {
            return LoopTransition.Refuse(ticket, $"Request '{ticket.Id}' is not an order: staff assign it.");
        }

        if (order.ClaimedBy(who.Id))
        {
            return LoopTransition.Accept(ticket);
        }

        if (order.IsFull)
        {
            return LoopTransition.Refuse(ticket, $"Order '{ticket.Id}' already has the {order.PeopleNeeded} {(order.PeopleNeeded == 1 ? "person" : "people")} it needs.", HelpRequestRefusal.Full);
        }

        if (ticket.IsFinished || ticket.WorkStage != HelpRequestState.Ordered)
        {
            return LoopTransition.Refuse(ticket, $"Order '{ticket.Id}' is {Stage(ticket.Stage)}: it takes no claims.");
        }

        if (PartyAffairsRule.Refusal(ticket.Function, who) is { } partyRefusal)
        {
            return LoopTransition.Refuse(ticket, partyRefusal, HelpRequestRefusal.PartyAffairs);
        }

        if (order.TeamId is { } team && teams?.Contains(team) != true)
        {
            return LoopTransition.Refuse(ticket, $"Order '{ticket.Id}' is for the volunteer team '{team}'; {who.Name} is not in it.", HelpRequestRefusal.NotEligible);
        }

        var missing = order.Skills.Where(s => !skills.Contains(s, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            return LoopTransition.Refuse(ticket, $"Order '{ticket.Id}' needs {string.Join(", ", missing)}, which {who.Name} does not have.", HelpRequestRefusal.NotEligible);
        }

        var claimed = order with { Claims = [.. order.Claims, new LoopClaim(who, now)] };
        var note = $"Claimed by {who.Name} ({claimed.Claims.Count} of {order.PeopleNeeded}).";
        if (!claimed.IsFull)
        {
            // The stage and its time limit stay: the order is still waiting for people.
            return LoopTransition.Accept(ticket with { Order = claimed, History = [.. ticket.History, new LoopEvent(now, ticket.Stage, who.Id, note)] });
        }

        var first = claimed.Claims[0].Who;
        var assigned = Enter(ticket with { Order = claimed }, HelpRequestState.Assigned, who.Id, now, $"{note} Taken by {string.Join(", ", claimed.Claims.Select(c => c.Who.Name))}.");
        return LoopTransition.Accept(assigned with { Owner = first, EscalatedFrom = null });
    }
}
