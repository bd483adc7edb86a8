using System.Collections.Concurrent;
using Lianxin.Common;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Storage;

namespace Lianxin.Hosting.Database;

/// <summary>
/// The storage the live path's actors used before the group commit (ADO.NET grain storage, migration 0002's table),
/// as <see cref="GroupCommitGrainStorage"/> reads through it: a state not found in the new table is read here, and
/// cleared here once its first write there has moved it. It is asked only while it still holds states of that name,
/// so on a database that never had them (and once every one has moved) a new actor costs one read, not two.
/// </summary>
internal sealed partial class EarlierGrainStorage(IGrainStorage storage, NpgsqlDataSource dataSource, ILogger logger)
{
    private const string HoldsSql = "SELECT EXISTS (SELECT 1 FROM orleans_grain_state WHERE state_name = @name AND payload_binary IS NOT NULL)";

    /// <summary>Per state name, whether this storage may still hold states of it (asked once per name).</summary>
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _holds = new();

    /// <summary>States read here, with their ETag here, until their first write in the new table clears them here.</summary>
    private readonly ConcurrentDictionary<(string, string), string?> _moving = new();

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (await HoldsAsync(stateName))
        {
            await storage.ReadStateAsync(stateName, grainId, grainState);
            if (grainState.RecordExists)
            {
                _moving[(stateName, grainId.ToString())] = grainState.ETag;
            }
        }
    }

    /// <summary>A state was written in the new table: if it was read from here, it is cleared here, so this storage empties.</summary>
    public async Task MovedAsync<T>(string stateName, GrainId grainId)
    {
        if (!_moving.TryRemove((stateName, grainId.ToString()), out var etag))
        {
            return;
        }

        try
        {
            await storage.ClearStateAsync(stateName, grainId, new GrainState<T>(default!, etag));
        }
        catch (Exception e)
        {
            // The state is safe in the new table; the old copy only keeps this storage asked on reads until it is cleared.
            LogClearFailed(stateName, grainId.ToString(), e);
        }
    }

    private Task<bool> HoldsAsync(string stateName) =>
        _holds.GetOrAdd(stateName, name => new Lazy<Task<bool>>(() => AskHoldsAsync(name))).Value;

    private async Task<bool> AskHoldsAsync(string stateName)
    {
        try
        {
            await using var command = dataSource.CreateCommand(HoldsSql);
            command.Parameters.AddWithValue("name", stateName);
            return (bool)(await command.ExecuteScalarAsync())!;
        }
        catch (Exception e) when (GroupCommitGrainStorage.IsDatabaseFailure(e))
        {
            // Not remembered: the next read asks again.
            _holds.TryRemove(stateName, out _);
            LogAskFailed(stateName, e);
            throw new DatabaseUnavailableException($"The database did not answer whether states '{stateName}' remain to move: {e.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database did not answer whether states {StateName} remain in the earlier storage")]
    private partial void LogAskFailed(string stateName, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The state {StateName} of {GrainId} moved to the live-path storage but could not be cleared in the earlier one")]
    private partial void LogClearFailed(string stateName, string grainId, Exception exception);
}
