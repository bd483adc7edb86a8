using Lianxin.Common;
using Orleans.Concurrency;

namespace Lianxin.Grains.Tests.Common;

/// <summary>
/// Deferred work turns a burst of changes into one write, report or delta: the actors' snapshots, the centers' reports
/// and the live feeds rely on it running once per burst, again for changes made after it started, and not at all
/// once it was run by hand.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DeferredWorkTests(ClusterFixture fixture)
{
    /// <summary>Work that never runs fails the test instead of hanging it; it runs 20 ms after a request.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ABurstOfRequestsRunsTheWorkOnce()
    {
        var probe = fixture.Grains.GetGrain<IDeferredWorkProbeGrain>(Guid.NewGuid().ToString());

        await probe.RequestAsync(times: 100);
        await probe.UntilRunsAsync(1).WaitAsync(Patience);
        Assert.False(await probe.IsArmedAsync());

        // A later request's run comes after any the burst could still have had pending.
        await probe.RequestAsync(times: 1);
        await probe.UntilRunsAsync(2).WaitAsync(Patience);
        Assert.Equal(2, await probe.RunsAsync());
    }

    [Fact]
    public async Task AChangeMadeWhileTheWorkRunsRunsItAgain()
    {
        var probe = fixture.Grains.GetGrain<IDeferredWorkProbeGrain>(Guid.NewGuid().ToString());
        await probe.RequestDuringNextRunAsync();

        await probe.RequestAsync(times: 1);

        await probe.UntilRunsAsync(2).WaitAsync(Patience);
    }

    [Fact]
    public async Task RunningTheWorkNowDisarmsItsTimer()
    {
        var probe = fixture.Grains.GetGrain<IDeferredWorkProbeGrain>(Guid.NewGuid().ToString());
        await probe.RequestLaterAsync(TimeSpan.FromHours(1));
        Assert.True(await probe.IsArmedAsync());

        await probe.RunNowAsync();

        Assert.Equal(1, await probe.RunsAsync());
        Assert.False(await probe.IsArmedAsync());
    }
}

/// <summary>An actor that defers one piece of work and counts its runs.</summary>
public interface IDeferredWorkProbeGrain : IGrainWithStringKey
{
    Task RequestAsync(int times);

    Task RequestLaterAsync(TimeSpan due);

    /// <summary>The next run requests the work again, as a change made during a write does.</summary>
    Task RequestDuringNextRunAsync();

    Task RunNowAsync();

    /// <summary>Completes once the work has run this many times; interleaves, so the timer can fire meanwhile.</summary>
    [AlwaysInterleave]
    Task UntilRunsAsync(int runs);

    Task<int> RunsAsync();

    Task<bool> IsArmedAsync();
}

internal sealed class DeferredWorkProbeGrain : Grain, IDeferredWorkProbeGrain
{
    private readonly DeferredWork<DeferredWorkProbeGrain> _work = new(static grain => grain.RunAsync(), TimeSpan.FromMilliseconds(20));
    private readonly List<(int Runs, TaskCompletionSource Reached)> _waiting = [];
    private int _runs;
    private bool _requestDuringRun;

    public Task RequestAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            _work.Request(this);
        }

        return Task.CompletedTask;
    }

    public Task RequestLaterAsync(TimeSpan due)
    {
        _work.Request(this, due);
        return Task.CompletedTask;
    }

    public Task RequestDuringNextRunAsync()
    {
        _requestDuringRun = true;
        return Task.CompletedTask;
    }

    public Task RunNowAsync() => _work.RunNowAsync(this);

    public Task UntilRunsAsync(int runs)
    {
        if (_runs >= runs)
        {
            return Task.CompletedTask;
        }

        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add((runs, reached));
        return reached.Task;
    }

    public Task<int> RunsAsync() => Task.FromResult(_runs);

    public Task<bool> IsArmedAsync() => Task.FromResult(_work.IsArmed);

    private Task RunAsync()
    {
        _runs++;
        if (_requestDuringRun)
        {
            _requestDuringRun = false;
            _work.Request(this);
        }

        foreach (var waiter in _waiting.Where(w => w.Runs <= _runs).ToList())
        {
            _waiting.Remove(waiter);
            waiter.Reached.SetResult();
        }

        return Task.CompletedTask;
    }
}
