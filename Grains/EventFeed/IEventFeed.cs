namespace Lianxin.EventFeed;

/// <summary>
/// The one contract actors publish outbound events through, where the domain event happens. Publishing the same event
/// (same id) again stores nothing new, so actors re-publish after a restart instead of keeping an outbox of their own.
/// </summary>
public interface IEventFeed
{
    /// <summary>Completes once the events are durable in the outbound log.</summary>
    Task PublishAsync(IReadOnlyList<FeedEvent> events);
}
