namespace Lianxin.Common.Journal;

/// <summary>The journal of the embedded default: same semantics, kept in memory, gone with the process.</summary>
public sealed class InMemoryEventJournal : IEventJournal
{
    private readonly Lock _gate = new();
    private readonly HashSet<(string Stream, Guid Id)> _ids = [];
    private readonly Dictionary<string, List<JournalRecord>> _streams = new(StringComparer.Ordinal);
    private long _position;

    public Task<long[]> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        var stored = new long[entries.Count];
        lock (_gate)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (!_ids.Add((entry.Stream, entry.Id)))
                {
                    continue;
                }

                if (!_streams.TryGetValue(entry.Stream, out var stream))
                {
                    _streams[entry.Stream] = stream = [];
                }

                stream.Add(new JournalRecord(++_position, entry));
                stored[i] = _position;
            }
        }

        return Task.FromResult(stored);
    }

    public Task<IReadOnlyList<JournalRecord>> ReadAsync(string stream, long afterPosition, int max, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<JournalRecord> records = _streams.TryGetValue(stream, out var list)
                ? [.. list.Where(r => r.Position > afterPosition).Take(max)]
                : [];
            return Task.FromResult(records);
        }
    }
}
