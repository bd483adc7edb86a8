namespace Lianxin.Audit;

/// <summary>Writes and reads the audit log through the silo's store; reentrant, as each call only waits on the store.</summary>
[StatelessWorker, Reentrant]
internal sealed class AuditGrain(IAuditStore store) : Grain, IAuditGrain
{
    public Task RecordAsync(AuditRecord record) => store.AppendAsync(record);

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query) => store.QueryAsync(query);
}
