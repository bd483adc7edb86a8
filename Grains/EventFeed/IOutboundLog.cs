namespace Lianxin.EventFeed;

/// <summary>
/// The durable, ordered outbound log behind the event feed. Appends are group-committed and de-duplicated by event id;
/// positions (the global cursor) only grow, and a reader never sees a position appear below one it has already seen.
/// </summary>
public interface IOutboundLog
{
    /// <summary>Stores the events whose ids the log does not hold yet (their positions are ignored); durable on completion.</summary>
    Task AppendAsync(IReadOnlyList<FeedRecord> records, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="max"/> events whose center path holds <paramref name="regionId"/>, after <paramref name="after"/>,
    /// in position order. <see cref="FeedPage.Next"/> is the last position returned, or the log's end when the page is
    /// not full (so a reader of a quiet region does not scan the same foreign events again).
    /// </summary>
    Task<FeedPage> ReadAsync(string regionId, long after, int max, CancellationToken cancellationToken = default);

    /// <summary>The position of the last event stored (0 for an empty log).</summary>
    Task<long> EndAsync(CancellationToken cancellationToken = default);
}
