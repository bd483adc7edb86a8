using Lianxin.Governance;

namespace Lianxin.HelpRequests;

/// <summary>
/// One help request ticket, keyed by ticket id (a kiosk's ticket id is derived from its event id). It runs the
/// closed loop (open → assigned → in progress → resolved → rated, or escalated when a time limit passes). Its center's
/// order queue keeps the due time of every ticket whose limit runs, with one durable reminder for the center, and wakes
/// the tickets that are due, so an overdue ticket escalates to its center, then its street, even after a restart. Party-building tickets go only to party members who are not third-party accounts.
/// </summary>
[Alias("Lianxin.IHelpRequestGrain")]
public interface IHelpRequestGrain : IGrainWithStringKey
{
    /// <summary>
    /// Opens the ticket (state open, no owner) and counts it at its center. Idempotent: opening it again changes
    /// nothing and answers the ticket as it is.
    /// </summary>
    [Alias("Open")]
    Task<HelpRequestTicket> OpenAsync(HelpRequestTicket ticket);

    /// <summary>The ticket, or null when never opened.</summary>
    [Alias("Get"), ReadOnly]
    Task<HelpRequestTicket?> GetAsync();

    /// <summary>The ticket's closed loop with its history, or null when never opened.</summary>
    [Alias("GetLoop"), ReadOnly]
    Task<LoopTicket?> GetLoopAsync();

    /// <summary>Gives the ticket to someone (or to someone else); refused for a party-building ticket and a non-member.</summary>
    [Alias("Assign")]
    Task<HelpRequestOutcome> AssignAsync(LoopAssignee to, string actor, string? note);

    /// <summary>The owner (<paramref name="handler"/>, with their current facts) starts work.</summary>
    [Alias("Start")]
    Task<HelpRequestOutcome> StartAsync(LoopAssignee handler, string actor, string? note);

    /// <summary>The owner (<paramref name="handler"/>, with their current facts) reports it solved.</summary>
    [Alias("Resolve")]
    Task<HelpRequestOutcome> ResolveAsync(LoopAssignee handler, string actor, string? note);

    /// <summary>The resident rates the outcome, 1 to 5.</summary>
    [Alias("Rate")]
    Task<HelpRequestOutcome> RateAsync(int rating, string actor, string? comment);

    /// <summary>Staff turn an open request into an order with its terms (组织派单).</summary>
    [Alias("Dispatch")]
    Task<HelpRequestOutcome> DispatchAsync(OrderTerms terms, string actor, string? note);

    /// <summary>Staff turn the request down, with the reason, before anyone has claimed it.</summary>
    [Alias("Reject")]
    Task<HelpRequestOutcome> RejectAsync(string reason, string actor);

    /// <summary>
    /// A person claims the order (党员接单), first come first served, durable before it is answered; refused as full
    /// once it has the people it needs. <paramref name="teams"/>: the teams the claimer belongs to (a team's order
    /// admits its members only). A repeated claim is answered the same and not counted again.
    /// </summary>
    [Alias("Claim")]
    Task<HelpRequestOutcome> ClaimAsync(LoopAssignee who, IReadOnlyList<string> skills, IReadOnlyList<string> teams);

    /// <summary>Applies every time limit that has passed (the reminder and timer call it too); answers the loop.</summary>
    [Alias("CheckDeadlines")]
    Task<LoopTicket?> CheckDeadlinesAsync();

    /// <summary>
    /// Applies every time limit that has passed and tells the center's order queue where the ticket stands. Sent by
    /// that queue (one way: the ticket then calls the queue) when its book says the ticket is due.
    /// </summary>
    [Alias("Wake"), OneWay]
    Task WakeAsync();
}
