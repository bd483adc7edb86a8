namespace Lianxin.Common.Journal;

// TEMPORARY local copy; deleted at the merge with main.

/// <summary>The embedded default: a journal that lives as long as the process.</summary>
public sealed class InMemoryEventJournal : IEventJournal
{
    private readonly object _gate = new();
    private readonly HashSet<Guid> _ids = [];
    private readonly Dictionary<string, List<JournalRecord>> _streams = new(StringComparer.Ordinal);
    private long _position;

    public Task<bool[]> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        var stored = new bool[entries.Count];
        lock (_gate)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (!_ids.Add(entries[i].Id))
                {
                    continue;
                }

                if (!_streams.TryGetValue(entries[i].Stream, out var list))
                {
                    _streams[entries[i].Stream] = list = [];
                }

                list.Add(new JournalRecord(++_position, entries[i]));
                stored[i] = true;
            }
        }

        return Task.FromResult(stored);
    }

    public Task<IReadOnlyList<JournalRecord>> ReadAsync(string stream, long afterPosition, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<JournalRecord> page = _streams.TryGetValue(stream, out var list)
                ? [.. list.Where(r => r.Position > afterPosition).Take(max)]
                : [];
            return Task.FromResult(page);
        }
    }
}
