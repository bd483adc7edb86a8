using System.Threading.Channels;

namespace Lianxin.Hosting.Database;

/// <summary>
/// Reads that many actors ask for at once, answered by one statement: the first read goes at once; reads that arrive
/// while a statement is in flight wait and go together in the next. Actors read their state when they activate, and
/// activations come in bursts (a kiosk's redemptions by people not yet active, a mobilization's first messages): a
/// round trip per actor took a tenth of the web host's CPU under full kiosk load. Thread-safe, for a store a silo's
/// actors share. Each caller is answered with its own key's result, or with its group's failure.
/// </summary>
/// <typeparam name="TKey">What one read asks for.</typeparam>
/// <typeparam name="TResult">What it answers (the read function's answer for a key not found).</typeparam>
internal sealed class GroupReader<TKey, TResult> : IAsyncDisposable
{
    /// <summary>Keys per statement at most.</summary>
    private const int MaxGroup = 256;

    /// <summary>Statements in flight at once: while one is answered the next group gathers and goes.</summary>
    private const int Readers = 2;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new() { SingleReader = false });
    private readonly Func<IReadOnlyList<TKey>, Task<TResult[]>> _read;
    private readonly Task[] _readers;

    /// <param name="read">Reads a group in one statement: one result per key, in the keys' order (a key may repeat).</param>
    public GroupReader(Func<IReadOnlyList<TKey>, Task<TResult[]>> read)
    {
        _read = read;
        _readers = [.. Enumerable.Range(0, Readers).Select(_ => DetachedLoop.Start(ReadLoopAsync))];
    }

    public Task<TResult> ReadAsync(TKey key)
    {
        var pending = new Pending(key);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupReader<TKey, TResult>));
        }

        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_readers);
    }

    private async Task ReadLoopAsync()
    {
        var group = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            if (group.Count > 0)
            {
                await ReadGroupAsync(group);
            }
        }
    }

    private async Task ReadGroupAsync(List<Pending> group)
    {
        try
        {
            var results = await _read([.. group.Select(p => p.Key)]);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception e)
        {
            // The callers decide what a failure means for them (the grain storage logs and answers it as unavailable).
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(e);
            }
        }
    }

    private sealed record Pending(TKey Key)
    {
        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
