using System.Collections.Concurrent;

namespace Lianxin.Grains.Tests.Recovery;

/// <summary>
/// A reminder table that outlives a killed silo, as PostgreSQL's does: every silo of a test cluster reads and writes
/// the same rows. Orleans' in-memory reminder table is an actor of the cluster and is lost with its silo, and with
/// it the reminders that bring actors back after the kill. Each silo has its own instance over the shared rows, cut
/// off when the silo is killed (<see cref="Severance"/>).
/// </summary>
internal sealed class SharedMemoryReminderTable(ConcurrentDictionary<(GrainId Grain, string Name), ReminderEntry> rows, Severance severance) : IReminderTable
{
    public Task Init() => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        severance.ThrowIfCut();
        return Task.FromResult(new ReminderTableData(rows.Values.Where(r => r.GrainId.Equals(grainId)).Select(Copy)));
    }

    /// <summary>Rows whose grain hash lies in (begin, end], the range wrapping around when begin is not below end.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        severance.ThrowIfCut();
        return Task.FromResult(new ReminderTableData(rows.Values.Where(r => InRange(r.GrainId.GetUniformHashCode(), begin, end)).Select(Copy)));
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        severance.ThrowIfCut();
        return Task.FromResult(rows.TryGetValue((grainId, reminderName), out var row) ? Copy(row) : null);
    }

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        severance.ThrowIfCut();
        var row = Copy(entry);
        row.ETag = Guid.NewGuid().ToString("N");
        rows[(entry.GrainId, entry.ReminderName)] = row;
        return Task.FromResult<string?>(row.ETag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        severance.ThrowIfCut();
        var key = (grainId, reminderName);
        return Task.FromResult(rows.TryGetValue(key, out var row) && row.ETag == eTag && rows.TryRemove(new KeyValuePair<(GrainId, string), ReminderEntry>(key, row)));
    }

    public Task TestOnlyClearTable()
    {
        rows.Clear();
        return Task.CompletedTask;
    }

    private static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Copy(ReminderEntry row) => new()
    {
        GrainId = row.GrainId,
        ReminderName = row.ReminderName,
        StartAt = row.StartAt,
        Period = row.Period,
        ETag = row.ETag,
    };
}
