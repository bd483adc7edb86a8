namespace Lianxin.Governance;

/// <summary>
/// A help request turned into an order (组织派单): the skills it needs, how many people, how long it stays open for
/// claims before it escalates, who ordered it and when, and the claims it received, first first (党员接单).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.LoopOrder")]
public sealed record LoopOrder(
    [property: Id(0)] IReadOnlyList<string> Skills,
    [property: Id(1)] int PeopleNeeded,
    [property: Id(2)] TimeSpan TimeLimit,
    [property: Id(3)] string OrderedBy,
    [property: Id(4)] DateTimeOffset OrderedAt,
    [property: Id(5)] IReadOnlyList<LoopClaim> Claims,
    [property: Id(6)] string? TeamId = null)
{
    /// <summary>True once it has every person it needs.</summary>
    public bool IsFull => Claims.Count >= PeopleNeeded;

    /// <summary>True when <paramref name="personId"/> claimed it.</summary>
    public bool ClaimedBy(string personId) => Claims.Any(c => c.Who.Id == personId);
}

/// <summary>One claim of an order: who (with their facts when they claimed) and when.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.LoopClaim")]
public sealed record LoopClaim(
    [property: Id(0)] LoopAssignee Who,
    [property: Id(1)] DateTimeOffset At);

/// <summary>
/// What staff set when they turn a request into an order: skills needed, people needed, time to be claimed, and
/// optionally the volunteer team whose leader and members alone may claim it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.OrderTerms")]
public sealed record OrderTerms(
    [property: Id(0)] IReadOnlyList<string> Skills,
    [property: Id(1)] int PeopleNeeded,
    [property: Id(2)] TimeSpan TimeLimit,
    [property: Id(3)] string? TeamId = null);
