namespace Lianxin.Hosting.Database;

/// <summary>
/// What a journal knows of one paged stream: the number of its last page and the ids of the events stored in its recent
/// pages. Its writer decides which recent entries are new from this alone, so storing an event needs no lookup per
/// event in the database; the page number is the fence that makes that safe (a writer that did not see the last page
/// cannot store the next one). Ids are kept for the pages whose latest event is within the window, so every event
/// within the window that the stream holds is known here; an entry older than the window is looked for in the pages
/// (<see cref="Remembers"/>).
/// </summary>
public sealed class StreamWindow(TimeSpan window)
{
    /// <summary>
    /// Ids per segment: a fixed capacity whose arrays stay under the large-object threshold (85,000 bytes). A busy
    /// stream's day of ids in one set grew by copying into ever larger arrays; those copies were 29 % of the host's
    /// large-object allocations under kiosk load, and each large allocation brings the next full background collection
    /// nearer. Segments never grow: a page's ids go into the newest one with room, and a segment is dropped when its
    /// last page leaves the window.
    /// </summary>
    internal const int SegmentCapacity = 3_072;

    private readonly List<HashSet<Guid>> _segments = [];
    private readonly Queue<(DateTimeOffset LastOccurred, Guid[] Ids, HashSet<Guid> Segment)> _pages = new();

    /// <summary>The stream's last stored page (0 for none).</summary>
    public long LastPage { get; private set; }

    /// <summary>When this window was last used by an append: windows of quiet streams are dropped and read again.</summary>
    public DateTimeOffset UsedAt { get; set; }

    public int Count => _segments.Sum(s => s.Count);

    public bool Holds(Guid id)
    {
        // Newest first: a re-sent event is usually recent.
        for (var i = _segments.Count - 1; i >= 0; i--)
        {
            if (_segments[i].Contains(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an event of that time, if the stream holds it, is known here: its page's latest event is at least as
    /// recent, so the page is within the window.
    /// </summary>
    public bool Remembers(DateTimeOffset occurredAt, DateTimeOffset now) => occurredAt >= now - window;

    /// <summary>Takes in a stored page: its number becomes the last one, its ids are known while in the window.</summary>
    public void Add(long page, DateTimeOffset lastOccurred, Guid[] ids, DateTimeOffset now)
    {
        if (page <= LastPage)
        {
            throw new InvalidOperationException($"Page {page} does not follow page {LastPage}.");
        }

        LastPage = page;
        if (lastOccurred >= now - window)
        {
            var segment = SegmentWithRoomFor(ids.Length);
            segment.UnionWith(ids);
            _pages.Enqueue((lastOccurred, ids, segment));
        }

        Forget(now);
    }

    /// <summary>The last page number as read from the database, when it holds pages beyond what was read into the window.</summary>
    public void Follow(long lastPage) => LastPage = Math.Max(LastPage, lastPage);

    private HashSet<Guid> SegmentWithRoomFor(int ids)
    {
        if (_segments.Count > 0 && _segments[^1].Count + ids <= SegmentCapacity)
        {
            return _segments[^1];
        }

        var segment = new HashSet<Guid>(Math.Max(SegmentCapacity, ids));
        _segments.Add(segment);
        return segment;
    }

    /// <summary>Forgets the ids of pages whose latest event has left the window.</summary>
    private void Forget(DateTimeOffset now)
    {
        // Pages usually arrive in time order; a late upload's page may sit behind a newer one and is kept until
        // the newer one goes, which only keeps ids a little longer.
        while (_pages.TryPeek(out var oldest) && oldest.LastOccurred < now - window)
        {
            _pages.Dequeue();
            oldest.Segment.ExceptWith(oldest.Ids);
            if (oldest.Segment.Count == 0 && !ReferenceEquals(oldest.Segment, _segments[^1]))
            {
                _segments.Remove(oldest.Segment);
            }
        }
    }
}
