using Lianxin.EventFeed;

namespace Lianxin.WebHost.Apis.EventFeed;

/// <summary>
/// A push subscription: the endpoint (https, a public address, outside Development), the region whose events it gets
/// (default: the caller's), and optionally its id and where to start (<c>startAfter</c>: a cursor, 0 for everything
/// kept; default: the events from now on).
/// </summary>
public sealed record CreateSubscriptionRequest(string? Id, string? Url, string? RegionId, long? StartAfter);

/// <summary>A created subscription and its signing secret: shown this once, never again.</summary>
public sealed record CreatedSubscription(SubscriptionView Subscription, string Secret);

/// <summary>One page of the pull feed: CloudEvents in cursor order, and the cursor to pass as <c>after</c> next.</summary>
public sealed record EventPage(IReadOnlyList<CloudEvent> Events, long Next);
