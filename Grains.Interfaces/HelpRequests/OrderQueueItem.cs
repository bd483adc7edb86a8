using Lianxin.Common;

namespace Lianxin.HelpRequests;

/// <summary>
/// A request or order in its center's work queue, without the resident's identity: what it is about, where its work
/// stands (<see cref="Stage"/>, the stage before an escalation), how overdue it is, and for an order its terms and who
/// claimed it (person ids) and the team it is for, if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.OrderQueueItem")]
public sealed record OrderQueueItem(
    [property: Id(0)] string Id,
    [property: Id(1)] string CenterId,
    [property: Id(2)] BasicFunction Function,
    [property: Id(3)] string Summary,
    [property: Id(4)] HelpRequestState Stage,
    [property: Id(5)] int EscalationLevel,
    [property: Id(6)] DateTimeOffset RaisedAt,
    [property: Id(7)] DateTimeOffset? DueAt,
    [property: Id(8)] bool IsOrder,
    [property: Id(9)] IReadOnlyList<string> Skills,
    [property: Id(10)] int PeopleNeeded,
    [property: Id(11)] IReadOnlyList<string> ClaimedBy,
    [property: Id(12)] string? TeamId = null);

/// <summary>One page of a center's queue, soonest due first; <see cref="Next"/> continues it, null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.OrderQueuePage")]
public sealed record OrderQueuePage(
    [property: Id(0)] IReadOnlyList<OrderQueueItem> Items,
    [property: Id(1)] string? Next,
    [property: Id(2)] int Total);

/// <summary>
/// A center's queue of unfinished help requests and orders (keyed by center id), told by each request's actor on every
/// change (idempotent: the latest state per request wins). Finished requests leave it.
/// </summary>
[Alias("Lianxin.IOrderQueueGrain")]
public interface IOrderQueueGrain : IGrainWithStringKey
{
    /// <summary>Puts the request in the queue as it is now, or takes it out once finished.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(OrderQueueItem item, bool finished);

    /// <summary>
    /// A page, soonest due first (those without a limit last, then by id), optionally of one work stage; after the
    /// position <paramref name="after"/> (a page's <see cref="OrderQueuePage.Next"/>).
    /// </summary>
    [Alias("GetPage"), ReadOnly]
    Task<OrderQueuePage> GetPageAsync(HelpRequestState? stage, string? after, int limit);
}
