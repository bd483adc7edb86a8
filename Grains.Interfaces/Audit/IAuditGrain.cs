namespace Lianxin.Audit;

/// <summary>The audit log, reached from any host; a stateless worker, so every silo writes locally.</summary>
[Alias("Lianxin.IAuditGrain")]
public interface IAuditGrain : IGrainWithIntegerKey
{
    /// <summary>Stores the entry durably before returning.</summary>
    [Alias("Record")]
    Task RecordAsync(AuditRecord record);

    /// <summary>Entries matching the query, newest first.</summary>
    [Alias("Query"), ReadOnly]
    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query);
}
