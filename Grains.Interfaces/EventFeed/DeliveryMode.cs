namespace Lianxin.EventFeed;

/// <summary>How a push subscription's events travel: one per request, or many per request (docs/event-feed.md).</summary>
public enum DeliveryMode
{
    /// <summary>One event per request, CloudEvents structured mode (<c>application/cloudevents+json</c>).</summary>
    Single = 0,

    /// <summary>
    /// Up to the subscription's batch size per request, CloudEvents batched mode (<c>application/cloudevents-batch+json</c>):
    /// a JSON array in cursor order, signed as one body and accepted or refused as a whole.
    /// </summary>
    Batch = 1,
}
