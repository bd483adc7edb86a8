namespace Lianxin.Emergencies;

/// <summary>
/// An emergency's control line. The actor is reentrant so that thousands of answers can wait on the journal at once,
/// but its launch, commands and scheduled work change what the others rely on (the phase, the schedule, who is asked),
/// so they take turns on this line, one at a time and in the order they came, while answers run between them.
/// Work is either run (its caller waits for it, and sees its failure) or queued (a fan-out, a tick: nobody waits, and
/// a failure is reported to the actor, whose journal holds whatever the work made durable before it failed).
/// </summary>
internal sealed class ControlLine
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Runs <paramref name="work"/> when its turn comes and answers when it is done.</summary>
    public async Task RunAsync(Func<Task> work)
    {
        await _turn.WaitAsync();
        try
        {
            await work();
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Queues <paramref name="work"/> behind the work on the line and returns at once.</summary>
    public void Queue(Func<Task> work, Action<Exception> failed)
    {
        _ = RunQueuedAsync();

        async Task RunQueuedAsync()
        {
            try
            {
                await RunAsync(work);
            }
            catch (Exception e)
            {
                failed(e);
            }
        }
    }
}
