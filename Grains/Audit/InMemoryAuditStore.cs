namespace Lianxin.Audit;

/// <summary>The audit log of the embedded default: same queries, kept in memory.</summary>
public sealed class InMemoryAuditStore : IAuditStore
{
    private readonly Lock _gate = new();
    private readonly List<AuditRecord> _records = [];

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (record.Key is null || !_records.Exists(r => r.Key == record.Key))
            {
                _records.Add(record);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<AuditRecord> matches =
            [
                .. _records
                    .Where(r => (query.From is null || r.At >= query.From) && (query.To is null || r.At < query.To)
                        && (query.Actor is null || r.Actor == query.Actor)
                        && (query.SubjectPrefix is null || r.Subject.StartsWith(query.SubjectPrefix, StringComparison.Ordinal))
                        && (query.WithinCenter is null || r.CenterPath.Contains($"/{query.WithinCenter}/", StringComparison.Ordinal)))
                    .OrderByDescending(r => r.At)
                    .Take(query.Limit),
            ];
            return Task.FromResult(matches);
        }
    }
}
