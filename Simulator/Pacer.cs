namespace Lianxin.Simulator;

/// <summary>Spaces new events to a target rate over all senders (0: no pacing).</summary>
internal sealed class Pacer(double eventsPerSecond)
{
    private readonly Lock _gate = new();
    private DateTime _next = DateTime.UtcNow;

    public Task WaitAsync(int events, CancellationToken cancellationToken)
    {
        if (eventsPerSecond <= 0)
        {
            return Task.CompletedTask;
        }

        DateTime due;
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            due = _next < now ? now : _next;
            _next = due + TimeSpan.FromSeconds(events / eventsPerSecond);
        }

        var wait = due - DateTime.UtcNow;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}
