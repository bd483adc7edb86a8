namespace Lianxin.Audit;

/// <summary>Where audit entries are kept: PostgreSQL in production, memory on the embedded default.</summary>
public interface IAuditStore
{
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
