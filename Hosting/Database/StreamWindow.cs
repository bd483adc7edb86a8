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
    private readonly HashSet<Guid> _ids = [];
    private readonly Queue<(DateTimeOffset LastOccurred, Guid[] Ids)> _pages = new();

    /// <summary>The stream's last stored page (0 for none).</summary>
    public long LastPage { get; private set; }

    /// <summary>When this window was last used by an append: windows of quiet streams are dropped and read again.</summary>
    public DateTimeOffset UsedAt { get; set; }

    public int Count => _ids.Count;

    public bool Holds(Guid id) => _ids.Contains(id);

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
            _pages.Enqueue((lastOccurred, ids));
            _ids.UnionWith(ids);
        }

        Forget(now);
    }

    /// <summary>The last page number as read from the database, when it holds pages beyond what was read into the window.</summary>
    public void Follow(long lastPage) => LastPage = Math.Max(LastPage, lastPage);

    /// <summary>Forgets the ids of pages whose latest event has left the window.</summary>
    private void Forget(DateTimeOffset now)
    {
        // Pages usually arrive in time order; a late upload's page may sit behind a newer one and is kept until
        // the newer one goes, which only keeps ids a little longer.
        while (_pages.TryPeek(out var oldest) && oldest.LastOccurred < now - window)
        {
            _pages.Dequeue();
            _ids.ExceptWith(oldest.Ids);
        }
    }
}
