using Lianxin.EventFeed;

namespace Lianxin.WebHost.Apis.EventFeed;

/// <summary>
/// A push subscription: the endpoint (https, a public address, outside Development), the region whose events it gets
/// (default: the caller's), and optionally its id and where to start (<c>startAfter</c>: a cursor, 0 for everything
/// kept; default: the events from now on). <c>delivery</c> is <c>single</c> (the default: one event per request) or
/// <c>batch</c> (up to <c>batchSize</c> events per request, CloudEvents batched mode; default <c>EventFeed:BatchSize</c>).
/// </summary>
public sealed record CreateSubscriptionRequest(string? Id, string? Url, string? RegionId, long? StartAfter, string? Delivery = null, int? BatchSize = null);

/// <summary>A created subscription and its signing secret: shown this once, never again.</summary>
public sealed record CreatedSubscription(SubscriptionView Subscription, string Secret);

/// <summary>One page of the pull feed: CloudEvents in cursor order, and the cursor to pass as <c>after</c> next.</summary>
public sealed record EventPage(IReadOnlyList<CloudEvent> Events, long Next);
