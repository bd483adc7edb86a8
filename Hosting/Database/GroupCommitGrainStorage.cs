using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Lianxin.Common;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace Lianxin.Hosting.Database;

/// <summary>
/// Grain storage for the actors on the live path, with group commit: writes that arrive while a commit is in flight
/// queue up and go together in the next single statement (an update of every row whose version matches, an insert
/// of every new one), so one fsync'd commit makes many actors' states durable; that statement shares its commit with
/// the live path's other writers (<see cref="SharedCommit"/>). Each write still answers on its own:
/// a stale ETag fails that write alone with <see cref="InconsistentStateException"/>.
/// A state not found here is read from the storage these actors used before (<see cref="EarlierGrainStorage"/>), and
/// its next write moves it here.
/// </summary>
public sealed partial class GroupCommitGrainStorage : IGrainStorage, IAsyncDisposable
{
    /// <summary>States per statement at most: larger groups gain little and hold the commit longer.</summary>
    private const int MaxGroup = 256;

    /// <summary>Groups in flight at once: while one waits for its commit the next is being built.</summary>
    private const int Writers = 2;

    private const string WriteSql = """
        WITH input AS (
            SELECT * FROM unnest(@names, @ids, @expected, @payloads) AS t(state_name, grain_id, expected, payload)
        ), updated AS (
            UPDATE lianxin_grain_state AS s
            SET version = s.version + 1, payload = i.payload, modified_at = now()
            FROM input AS i
            WHERE i.expected IS NOT NULL AND s.state_name = i.state_name AND s.grain_id = i.grain_id AND s.version = i.expected
            RETURNING s.state_name, s.grain_id, s.version
        ), inserted AS (
            INSERT INTO lianxin_grain_state (state_name, grain_id, version, payload)
            SELECT state_name, grain_id, 1, payload FROM input WHERE expected IS NULL
            ON CONFLICT DO NOTHING
            RETURNING state_name, grain_id, version
        )
        SELECT state_name, grain_id, version FROM updated
        UNION ALL
        SELECT state_name, grain_id, version FROM inserted
        """;

    /// <summary>States of many actors in one statement: one row per state found, named by its place in the arrays.</summary>
    private const string ReadSql = """
        SELECT t.ord, s.version, s.payload
        FROM unnest(@names, @ids) WITH ORDINALITY AS t(state_name, grain_id, ord)
        JOIN lianxin_grain_state AS s ON s.state_name = t.state_name AND s.grain_id = t.grain_id
        """;

    private const string ClearSql = "DELETE FROM lianxin_grain_state WHERE state_name = @name AND grain_id = @id AND version = @expected";

    private readonly NpgsqlDataSource _dataSource;
    private readonly SharedCommit _commit;
    private readonly IGrainStorageSerializer _serializer;
    private readonly EarlierGrainStorage? _earlier;
    private readonly ILogger<GroupCommitGrainStorage> _logger;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = false });
    private readonly Task[] _writers;
    private readonly GroupReader<(string StateName, string GrainId), (long Version, byte[] Payload)?> _reads;

    public GroupCommitGrainStorage(NpgsqlDataSource dataSource, SharedCommit commit, IGrainStorageSerializer serializer, IGrainStorage? earlier, ILogger<GroupCommitGrainStorage> logger)
    {
        (_dataSource, _commit, _serializer, _logger) = (dataSource, commit, serializer, logger);
        _earlier = earlier is null ? null : new EarlierGrainStorage(earlier, dataSource, logger);
        _writers = [.. Enumerable.Range(0, Writers).Select(_ => DetachedLoop.Start(WriteLoopAsync))];
        _reads = new(ReadGroupAsync);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (await ReadRowAsync(stateName, grainId) is var (version, payload))
        {
            grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
            grainState.State = _serializer.Deserialize<T>(new BinaryData(payload));
            grainState.RecordExists = true;
            return;
        }

        if (_earlier is not null)
        {
            await _earlier.ReadStateAsync(stateName, grainId, grainState);
        }

        // Not stored here yet: the next write inserts (the earlier storage's ETag means nothing here).
        grainState.ETag = null;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var pending = new PendingWrite(stateName, grainId.ToString(), ExpectedVersion(grainState.ETag), Bytes(_serializer.Serialize(grainState.State)));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitGrainStorage));
        }

        return CompleteAsync(pending, grainState, grainId);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (ExpectedVersion(grainState.ETag) is { } expected)
        {
            int deleted;
            try
            {
                await using var command = _dataSource.CreateCommand(ClearSql);
                command.Parameters.AddWithValue("name", stateName);
                command.Parameters.AddWithValue("id", grainId.ToString());
                command.Parameters.AddWithValue("expected", expected);
                deleted = await command.ExecuteNonQueryAsync();
            }
            catch (Exception e) when (IsDatabaseFailure(e))
            {
                throw Unavailable("clearing", stateName, grainId.ToString(), e);
            }

            if (deleted == 0)
            {
                throw new InconsistentStateException($"The state '{stateName}' of {grainId} changed since it was read.", "unknown", grainState.ETag);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
        await _reads.DisposeAsync();
    }

    private async Task<(long Version, byte[] Payload)?> ReadRowAsync(string stateName, GrainId grainId)
    {
        try
        {
            return await _reads.ReadAsync((stateName, grainId.ToString()));
        }
        catch (Exception e) when (IsDatabaseFailure(e))
        {
            throw Unavailable("reading", stateName, grainId.ToString(), e);
        }
    }

    private async Task<(long Version, byte[] Payload)?[]> ReadGroupAsync(IReadOnlyList<(string StateName, string GrainId)> keys)
    {
        await using var command = _dataSource.CreateCommand(ReadSql);
        command.Parameters.Add(new NpgsqlParameter<string[]>("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. keys.Select(k => k.StateName)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. keys.Select(k => k.GrainId)] });
        var rows = new (long Version, byte[] Payload)?[keys.Count];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetInt64(0) - 1] = (reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
        }

        return rows;
    }

    /// <summary>What the database's client throws when the server cannot answer (not a bug of the caller's).</summary>
    internal static bool IsDatabaseFailure(Exception e) =>
        e is NpgsqlException or IOException or TimeoutException or System.Net.Sockets.SocketException;

    /// <summary>Logs the cause here and answers an exception the cluster can carry to the caller (see <see cref="DatabaseUnavailableException"/>).</summary>
    private DatabaseUnavailableException Unavailable(string doing, string stateName, string grainId, Exception cause)
    {
        LogUnavailable(doing, stateName, grainId, cause);
        return new DatabaseUnavailableException($"The database did not answer while {doing} the state '{stateName}' of {grainId}: {cause.Message}");
    }

    private static long? ExpectedVersion(string? etag) => etag is null ? null : long.Parse(etag, CultureInfo.InvariantCulture);

    private async Task CompleteAsync<T>(PendingWrite pending, IGrainState<T> grainState, GrainId grainId)
    {
        var version = await pending.Completion.Task;
        if (version is not { } stored)
        {
            throw new InconsistentStateException(
                $"The state '{pending.StateName}' of {pending.GrainId} changed since it was read (another activation wrote it).", "unknown", grainState.ETag);
        }

        grainState.ETag = stored.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        if (_earlier is not null)
        {
            await _earlier.MovedAsync<T>(pending.StateName, grainId);
        }
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingWrite>();
        var keys = new HashSet<(string, string)>();
        PendingWrite? carried = null;
        while (carried is not null || await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            keys.Clear();
            if (carried is not null)
            {
                group.Add(carried);
                keys.Add((carried.StateName, carried.GrainId));
                carried = null;
            }

            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var pending))
            {
                // One write per state in a statement: a second one (another activation's) waits for the next.
                if (!keys.Add((pending.StateName, pending.GrainId)))
                {
                    carried = pending;
                    break;
                }

                group.Add(pending);
            }

            if (group.Count > 0)
            {
                await WriteGroupAsync(group);
            }
        }
    }

    private async Task WriteGroupAsync(List<PendingWrite> group)
    {
        try
        {
            var stored = await _commit.RunAsync(() => WriteStatement(group), async reader =>
            {
                var versions = new Dictionary<(string, string), long>(group.Count);
                while (await reader.ReadAsync())
                {
                    versions[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
                }

                return versions;
            });

            foreach (var pending in group)
            {
                pending.Completion.TrySetResult(stored.TryGetValue((pending.StateName, pending.GrainId), out var version) ? version : null);
            }
        }
        catch (Exception e)
        {
            LogWriteFailed(group.Count, e);
            var answer = IsDatabaseFailure(e) ? new DatabaseUnavailableException($"The database did not answer a group commit of {group.Count} states: {e.Message}") : e;
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(answer);
            }
        }
    }

    private static NpgsqlBatchCommand WriteStatement(List<PendingWrite> group)
    {
        var statement = new NpgsqlBatchCommand(WriteSql);
        statement.Parameters.Add(new NpgsqlParameter<string[]>("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. group.Select(p => p.StateName)] });
        statement.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. group.Select(p => p.GrainId)] });
        statement.Parameters.Add(new NpgsqlParameter<long?[]>("expected", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. group.Select(p => p.Expected)] });
        statement.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. group.Select(p => p.Payload)] });
        return statement;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database did not answer while {Doing} the state {StateName} of {GrainId}")]
    private partial void LogUnavailable(string doing, string stateName, string grainId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} actor states failed; their actors were told")]
    private partial void LogWriteFailed(int count, Exception exception);

    /// <summary>
    /// The serialized state's own array, not a copy: a center's snapshot is often past the large-object threshold, and
    /// the copy was a fifth of the host's large-object allocations under kiosk load.
    /// </summary>
    private static byte[] Bytes(BinaryData data) =>
        MemoryMarshal.TryGetArray(data.ToMemory(), out var whole) && whole is { Offset: 0, Array: { } array } && whole.Count == array.Length
            ? array
            : data.ToArray();

    private sealed record PendingWrite(string StateName, string GrainId, long? Expected, byte[] Payload)
    {
        public TaskCompletionSource<long?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
