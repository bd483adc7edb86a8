using Lianxin.HelpRequests;

namespace Lianxin.Governance;

/// <summary>
/// How long a help request may stay in each stage before it escalates (or, once resolved, before the rating
/// window closes). Bound from <c>Governance:ClosedLoop</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ClosedLoopTimeLimits")]
public sealed record ClosedLoopTimeLimits(
    [property: Id(0)] TimeSpan ToAssign,
    [property: Id(1)] TimeSpan ToStart,
    [property: Id(2)] TimeSpan ToResolve,
    [property: Id(3)] TimeSpan ToActOnEscalation,
    [property: Id(4)] TimeSpan ToRate)
{
    /// <summary>
    /// Defaults: assigned within 2 h, started within 4 h, resolved within 3 days, an escalation acted on within
    /// 4 h, rated within 7 days.
    /// </summary>
    public static ClosedLoopTimeLimits Default { get; } = new(
        TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromDays(3), TimeSpan.FromHours(4), TimeSpan.FromDays(7));

    /// <summary>The limit of a stage; null for stages without one (rated, closed).</summary>
    public TimeSpan? For(HelpRequestState stage) => stage switch
    {
        HelpRequestState.Open => ToAssign,
        HelpRequestState.Assigned => ToStart,
        HelpRequestState.InProgress => ToResolve,
        HelpRequestState.Escalated => ToActOnEscalation,
        HelpRequestState.Resolved => ToRate,
        _ => null,
    };
}
