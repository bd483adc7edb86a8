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
    /// Ids per partition on average before the partitions double. The ids are spread over partitions by their hash, so
    /// looking one up is one small set's look-up however many the window holds (a scan of fixed segments in arrival
    /// order cost a look-up per segment for every new event: 3 % of the host at full kiosk load, growing with every
    /// minute of it). Doubling moves each id once; at this average no partition's arrays reach the large-object threshold
    /// (85,000 bytes), which a day of a busy stream's ids in one set did (29 % of the host's large-object allocations).
    /// </summary>
    internal const int PartitionCapacity = 1_024;

    /// <summary>Sets of ids, a power of two of them; an id is in the one its hash names.</summary>
    private HashSet<Guid>[] _partitions = [[]];

    /// <summary>Pages in the window, oldest first (each id is in one page: the journal stores an event once per stream).</summary>
    private readonly Queue<(DateTimeOffset LastOccurred, Guid[] Ids)> _pages = new();

    /// <summary>The stream's last stored page (0 for none).</summary>
    public long LastPage { get; private set; }

    /// <summary>When this window was last used by an append: windows of quiet streams are dropped and read again.</summary>
    public DateTimeOffset UsedAt { get; set; }

    public int Count { get; private set; }

    public bool Holds(Guid id) => PartitionOf(id).Contains(id);

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
            foreach (var id in ids)
            {
                Count += PartitionOf(id).Add(id) ? 1 : 0;
            }

            _pages.Enqueue((lastOccurred, ids));
            if (Count > _partitions.Length * PartitionCapacity)
            {
                Spread();
            }
        }

        Forget(now);
    }

    /// <summary>The last page number as read from the database, when it holds pages beyond what was read into the window.</summary>
    public void Follow(long lastPage) => LastPage = Math.Max(LastPage, lastPage);

    private HashSet<Guid> PartitionOf(Guid id) => _partitions[id.GetHashCode() & (_partitions.Length - 1)];

    /// <summary>Twice as many partitions, every id moved to its new one.</summary>
    private void Spread()
    {
        var old = _partitions;
        _partitions = new HashSet<Guid>[old.Length * 2];
        for (var i = 0; i < _partitions.Length; i++)
        {
            _partitions[i] = new HashSet<Guid>(PartitionCapacity);
        }

        foreach (var id in old.SelectMany(p => p))
        {
            PartitionOf(id).Add(id);
        }
    }

    /// <summary>Forgets the ids of pages whose latest event has left the window.</summary>
    private void Forget(DateTimeOffset now)
    {
        // Pages usually arrive in time order; a late upload's page may sit behind a newer one and is kept until
        // the newer one goes, which only keeps ids a little longer.
        while (_pages.TryPeek(out var oldest) && oldest.LastOccurred < now - window)
        {
            _pages.Dequeue();
            foreach (var id in oldest.Ids)
            {
                Count -= PartitionOf(id).Remove(id) ? 1 : 0;
            }
        }
    }
}
