using Lianxin.Common;
using Lianxin.HelpRequests;

namespace Lianxin.Governance;

/// <summary>
/// A help request as its closed loop sees it. Immutable: every transition of <c>ClosedLoopLifecycle</c> returns
/// a new ticket with one more <see cref="History"/> entry.
/// </summary>
/// <param name="Id">The request id.</param>
/// <param name="CenterId">The center that answers for it.</param>
/// <param name="Function">Which of the ten basic functions it concerns.</param>
/// <param name="Summary">What the resident asked for.</param>
/// <param name="RaisedBy">Who raised it: a kiosk id, or the staff member who opened it (role and token subject).</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="Stage">Where it stands now.</param>
/// <param name="Owner">Who has it; null until assigned.</param>
/// <param name="DueAt">When the current stage's time limit passes; null in terminal stages.</param>
/// <param name="EscalationChain">Who overdue requests go to, in order: each level above the center, up to the district.</param>
/// <param name="EscalationLevel">How many times it went overdue: 0 never, 1 at the level above the center, 2 the next, ….</param>
/// <param name="EscalatedFrom">The stage it was in when it last escalated; null when it never did.</param>
/// <param name="ResolvedAt">When it was resolved; null until then.</param>
/// <param name="Rating">The resident's rating, 1–5; null until rated.</param>
/// <param name="History">Every stage it entered, oldest first.</param>
/// <param name="PersonId">The resident it is for, when known (a staff member may open a request for a resident).</param>
/// <param name="Order">When staff turned it into an order: its terms and who claimed it; null otherwise.</param>
/// <param name="Rejection">Why staff turned it down; null unless <see cref="HelpRequestState.Rejected"/>.</param>
[GenerateSerializer, Immutable, Alias("Lianxin.LoopTicket")]
public sealed record LoopTicket(
    [property: Id(0)] string Id,
    [property: Id(1)] string CenterId,
    [property: Id(2)] BasicFunction Function,
    [property: Id(3)] string Summary,
    [property: Id(4)] string RaisedBy,
    [property: Id(5)] DateTimeOffset RaisedAt,
    [property: Id(6)] HelpRequestState Stage,
    [property: Id(7)] LoopAssignee? Owner,
    [property: Id(8)] DateTimeOffset? DueAt,
    [property: Id(9)] IReadOnlyList<string> EscalationChain,
    [property: Id(10)] int EscalationLevel,
    [property: Id(11)] HelpRequestState? EscalatedFrom,
    [property: Id(12)] DateTimeOffset? ResolvedAt,
    [property: Id(13)] int? Rating,
    [property: Id(14)] IReadOnlyList<LoopEvent> History,
    [property: Id(15)] string? PersonId = null,
    [property: Id(16)] LoopOrder? Order = null,
    [property: Id(17)] string? Rejection = null)
{
    /// <summary>Who must act on it now because it went overdue: a center id from the chain; null when it never escalated.</summary>
    public string? EscalatedTo => EscalationLevel == 0 ? null : EscalationChain[Math.Min(EscalationLevel, EscalationChain.Count) - 1];

    /// <summary>True once resolved (whether rated or not): the loop's work is done.</summary>
    public bool IsResolved => Stage is HelpRequestState.Resolved or HelpRequestState.Rated or HelpRequestState.Closed;

    /// <summary>True once nothing more is owed on it: resolved (rated or not) or rejected.</summary>
    public bool IsFinished => IsResolved || Stage == HelpRequestState.Rejected;

    /// <summary>The stage it is in, or was in before its last escalation: where its work stands.</summary>
    public HelpRequestState WorkStage => Stage == HelpRequestState.Escalated ? EscalatedFrom ?? HelpRequestState.Open : Stage;

    /// <summary>True when resolved and it never went overdue.</summary>
    public bool ResolvedOnTime => IsResolved && EscalationLevel == 0;

    /// <summary>
    /// True when not yet resolved and it ever went overdue, or its current time limit has passed: once overdue, always
    /// overdue, so reassigning a late request never takes it out of the figures.
    /// </summary>
    public bool IsOverdueAt(DateTimeOffset now) =>
        !IsFinished && (EscalationLevel > 0 || Stage == HelpRequestState.Escalated || (DueAt is { } due && now >= due));
}
