namespace Lianxin.EventFeed;

/// <summary>The outbound log of the embedded default: same semantics, kept in memory, gone with the process.</summary>
public sealed class InMemoryOutboundLog : IOutboundLog
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<FeedRecord> _records = [];

    public Task AppendAsync(IReadOnlyList<FeedRecord> records, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var record in records.Where(r => _ids.Add(r.Event.Id)))
            {
                _records.Add(record with { Position = _records.Count + 1 });
            }
        }

        return Task.CompletedTask;
    }

    public Task<FeedPage> ReadAsync(string regionId, long after, int max, CancellationToken cancellationToken = default)
    {
        var within = OutboundPaths.Within(regionId);
        lock (_gate)
        {
            var start = (int)Math.Clamp(after, 0, _records.Count);
            var page = _records.Skip(start).Where(r => r.CenterPath.Contains(within, StringComparison.Ordinal)).Take(max).ToList();
            var next = page.Count == max ? page[^1].Position : Math.Max(after, _records.Count);
            return Task.FromResult(new FeedPage(page, next));
        }
    }

    public Task<long> EndAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult((long)_records.Count);
        }
    }
}
