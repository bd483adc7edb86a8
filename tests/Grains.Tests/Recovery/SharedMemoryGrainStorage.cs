using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace Lianxin.Grains.Tests.Recovery;

/// <summary>
/// Grain storage that outlives a killed silo, as PostgreSQL does: every silo of a test cluster writes to the same
/// rows, kept as serialized bytes with an ETag, so a state read back is a copy of what was written and a stale ETag
/// fails the write. Orleans' memory storage keeps its rows in actors of the cluster and loses them with their silo.
/// Each silo has its own instance, cut off when the silo is killed (<see cref="Severance"/>).
/// </summary>
internal sealed class SharedMemoryGrainStorage(ConcurrentDictionary<string, (string ETag, byte[] State)> rows, Serializer serializer, Severance severance)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        severance.ThrowIfCut();
        if (rows.TryGetValue(Key(stateName, grainId), out var row))
        {
            (grainState.State, grainState.ETag, grainState.RecordExists) = (serializer.Deserialize<T>(row.State), row.ETag, true);
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        severance.ThrowIfCut();
        var key = Key(stateName, grainId);
        var written = (Guid.NewGuid().ToString("N"), serializer.SerializeToArray(grainState.State));
        var stored = grainState.ETag is null
            ? rows.TryAdd(key, written)
            : rows.TryGetValue(key, out var current) && current.ETag == grainState.ETag && rows.TryUpdate(key, written, current);
        if (!stored)
        {
            throw new InconsistentStateException($"The state {key} changed since it was read.", rows.GetValueOrDefault(key).ETag, grainState.ETag);
        }

        (grainState.ETag, grainState.RecordExists) = (written.Item1, true);
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        severance.ThrowIfCut();
        rows.TryRemove(Key(stateName, grainId), out _);
        (grainState.ETag, grainState.RecordExists) = (null, false);
        return Task.CompletedTask;
    }

    // Orleans' memory storage registers itself as a lifecycle participant under the same name; this one has nothing to start.
    public void Participate(ISiloLifecycle lifecycle)
    {
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
