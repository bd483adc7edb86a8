namespace Lianxin.Common;

/// <summary>
/// Group commit inside one actor: the first item is committed at once; items that arrive while that commit is in
/// flight wait and go together in the next one (up to <paramref name="maxBatch"/>), so a burst of N requests costs a
/// few durable writes instead of N. Items are committed in the order added. <paramref name="commit"/> answers every
/// item of its batch, also when it fails. Not thread-safe: it runs on its actor's turn-based scheduler.
/// </summary>
internal sealed class GroupCommitQueue<T>(Func<IReadOnlyList<T>, Task> commit, int maxBatch)
{
    private readonly Queue<T> _waiting = new();
    private bool _committing;

    /// <summary>Items waiting for the commit in flight to finish.</summary>
    public int Waiting => _waiting.Count;

    public void Add(T item)
    {
        _waiting.Enqueue(item);
        if (!_committing)
        {
            _committing = true;
            _ = DrainAsync();
        }
    }

    private async Task DrainAsync()
    {
        try
        {
            while (_waiting.Count > 0)
            {
                var batch = new List<T>(Math.Min(_waiting.Count, maxBatch));
                while (batch.Count < maxBatch && _waiting.TryDequeue(out var item))
                {
                    batch.Add(item);
                }

                await commit(batch);
            }
        }
        finally
        {
            _committing = false;
        }
    }
}
