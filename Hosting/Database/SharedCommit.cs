using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lianxin.Hosting.Database;

/// <summary>
/// One commit for everything the live path's writers hold at a moment: the journal's pages, the actors' states, the
/// books' entries, the listing lines and the outbound log. Each writer still groups its own rows into one statement
/// (group commit); what this adds is that the statements of different writers waiting together go to PostgreSQL as
/// one batch, one implicit transaction and one commit. Each writer committing on its own made four or five commits of
/// one or two rows each where one would do: at half the ingest rate PostgreSQL then spent three times as much CPU per
/// event as at full rate, and the machine was 94 % busy (BENCHMARKS.md (1o)).
/// <para>
/// A statement fails its commit only when the database does, which fails every writer's anyway. A statement the server
/// refused (a bug, a deadlock with another silo) must not fail the others: the commit rolled back as a whole, so each
/// part is run again alone, and only the one the server refuses again fails.
/// </para>
/// <para>
/// One commit is in flight at a time; what arrives meanwhile goes in the next. Two at once made fewer shared commits
/// than separate ones at half load (each part usually found a committer idle) and no gain at full rate, where one
/// commit of everything waiting costs PostgreSQL less than two of half as much (BENCHMARKS.md (1p)).
/// </para>
/// Writers keep their order: each waits for its part before it sends the next. Thread-safe.
/// </summary>
public sealed partial class SharedCommit : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<SharedCommit> _logger;
    private readonly Channel<Part> _queue = Channel.CreateUnbounded<Part>(new() { SingleReader = true });
    private readonly Task _committer;

    public SharedCommit(NpgsqlDataSource dataSource, ILogger<SharedCommit> logger)
    {
        (_dataSource, _logger) = (dataSource, logger);
        _committer = DetachedLoop.Start(CommitLoopAsync);
    }

    /// <summary>
    /// Runs the statement in the next commit and answers what <paramref name="read"/> makes of its rows, once that
    /// commit is durable. <paramref name="statement"/> is called for every try (a batch's statements cannot be reused).
    /// </summary>
    public Task<T> RunAsync<T>(Func<NpgsqlBatchCommand> statement, Func<NpgsqlDataReader, Task<T>> read) =>
        Enqueue(new Part<T>(() => [statement()], read, holdsLock: false));

    /// <summary>
    /// Runs statements that return no rows in the next commit, in order; answers once that commit is durable. Statements
    /// that take a lock other silos' commits wait for (<paramref name="holdsLock"/>) go last in their commit, so the lock
    /// is held for the shortest time and never while the commit waits for other rows.
    /// </summary>
    public Task RunAsync(Func<IReadOnlyList<NpgsqlBatchCommand>> statements, bool holdsLock = false) =>
        Enqueue(new Part<bool>(statements, null, holdsLock));

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _committer;
    }

    private Task<T> Enqueue<T>(Part<T> part)
    {
        if (!_queue.Writer.TryWrite(part))
        {
            throw new ObjectDisposedException(nameof(SharedCommit));
        }

        return part.Completion.Task;
    }

    /// <summary>
    /// Takes whatever waits and commits it. No cap: each writer has one part waiting at most, so a commit holds no more
    /// parts than there are writers, each already a group of rows.
    /// </summary>
    private async Task CommitLoopAsync()
    {
        var parts = new List<Part>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            parts.Clear();
            while (_queue.Reader.TryRead(out var part))
            {
                parts.Add(part);
            }

            // A stable sort: the parts that take a shared lock last, the others in the order they came.
            var ordered = parts.OrderBy(p => p.HoldsLock).ToList();
            try
            {
                await CommitAsync(ordered);
                ordered.ForEach(p => p.Complete());
            }
            catch (PostgresException e) when (ordered.Count > 1)
            {
                LogAlone(ordered.Count, e.SqlState, e);
                foreach (var part in ordered)
                {
                    await CommitAloneAsync(part);
                }
            }
            catch (Exception e)
            {
                ordered.ForEach(p => p.Fail(e));
            }
        }
    }

    private async Task CommitAloneAsync(Part part)
    {
        try
        {
            await CommitAsync([part]);
            part.Complete();
        }
        catch (Exception e)
        {
            part.Fail(e);
        }
    }

    /// <summary>
    /// The parts' statements as one batch without an explicit transaction: one implicit transaction, ended by the
    /// batch's one Sync. Results come only from the statements that return rows, in order; the reader's disposal
    /// reads the rest, so an error of a later statement (which rolls back the whole batch) is thrown before any part
    /// is told it is durable.
    /// </summary>
    private async Task CommitAsync(List<Part> parts)
    {
        await using var batch = _dataSource.CreateBatch();
        foreach (var part in parts)
        {
            foreach (var statement in part.Statements())
            {
                batch.BatchCommands.Add(statement);
            }
        }

        await using var reader = await batch.ExecuteReaderAsync();
        var first = true;
        foreach (var part in parts.Where(p => p.Reads))
        {
            if (!first)
            {
                await reader.NextResultAsync();
            }

            first = false;
            await part.ReadAsync(reader);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A shared commit of {Count} writers' statements was refused ({SqlState}); each is run alone")]
    private partial void LogAlone(int count, string sqlState, Exception exception);

    private abstract class Part
    {
        public abstract bool HoldsLock { get; }

        public abstract bool Reads { get; }

        public abstract IReadOnlyList<NpgsqlBatchCommand> Statements();

        /// <summary>Reads the part's rows (the reader is on its result) and keeps what they say until the commit is durable.</summary>
        public abstract Task ReadAsync(NpgsqlDataReader reader);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class Part<T>(Func<IReadOnlyList<NpgsqlBatchCommand>> statements, Func<NpgsqlDataReader, Task<T>>? read, bool holdsLock) : Part
    {
        private T? _result;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool HoldsLock => holdsLock;

        public override bool Reads => read is not null;

        public override IReadOnlyList<NpgsqlBatchCommand> Statements() => statements();

        public override async Task ReadAsync(NpgsqlDataReader reader) => _result = await read!(reader);

        public override void Complete() => Completion.TrySetResult(_result!);

        public override void Fail(Exception exception) => Completion.TrySetException(exception);
    }
}
