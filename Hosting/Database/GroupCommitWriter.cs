using System.Threading.Channels;
using Lianxin.Common;

namespace Lianxin.Hosting.Database;

/// <summary>
/// Group commit for rows many actors write at once: the first row goes at once; rows that arrive while that write is in
/// flight wait and go together in the next single statement, so one fsync'd commit makes many rows durable. One writer,
/// so rows are written in the order they came. Each caller is answered once its row is durable, or with the failure
/// of its group. Thread-safe, for a store a silo's actors share; inside one actor, the actors' <c>GroupCommitQueue</c>
/// does the same on the actor's scheduler.
/// </summary>
internal sealed class GroupCommitWriter<T> : IAsyncDisposable
{
    /// <summary>Rows per statement at most: larger groups gain little and hold the commit longer.</summary>
    private const int MaxGroup = 500;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new() { SingleReader = true });
    private readonly Func<IReadOnlyList<T>, Task> _write;
    private readonly string _what;
    private readonly Task _writer;

    /// <param name="write">Writes one group in one statement (rows in arrival order).</param>
    /// <param name="what">What the rows are, for the failure a caller is answered with.</param>
    public GroupCommitWriter(Func<IReadOnlyList<T>, Task> write, string what)
    {
        (_write, _what) = (write, what);
        _writer = DetachedLoop.Start(WriteLoopAsync);
    }

    public Task WriteAsync(T row)
    {
        var pending = new Pending(row);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter<T>));
        }

        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            await WriteGroupAsync(group);
        }
    }

    private async Task WriteGroupAsync(List<Pending> group)
    {
        try
        {
            await _write([.. group.Select(p => p.Row)]);
            foreach (var pending in group)
            {
                pending.Completion.TrySetResult();
            }
        }
        catch (Exception e)
        {
            var answer = GroupCommitGrainStorage.IsDatabaseFailure(e)
                ? new DatabaseUnavailableException($"The database did not answer a write of {group.Count} {_what}: {e.Message}")
                : e;
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(answer);
            }
        }
    }

    private sealed record Pending(T Row)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
