using Lianxin.Emergencies;

namespace Lianxin.Grains.Tests.Emergencies;

/// <summary>A launch, a command and a scheduled tick of one emergency must never interleave: they take turns in order.</summary>
public sealed class ControlLineTests
{
    [Fact]
    public async Task QueuedWorkWaitsForTheWorkOnTheLineAndRunsInTheOrderItCame()
    {
        var line = new ControlLine();
        var ran = new List<string>();
        var launchMayEnd = new TaskCompletionSource();
        var lastDone = new TaskCompletionSource();
        var launch = line.RunAsync(async () =>
        {
            ran.Add("launch started");
            await launchMayEnd.Task;
            ran.Add("launch ended");
        });
        line.Queue(() => Record("fan-out"), Unexpected);
        line.Queue(() => Record("tick"), Unexpected);
        line.Queue(() =>
        {
            ran.Add("end");
            lastDone.SetResult();
            return Task.CompletedTask;
        }, Unexpected);

        Assert.Equal(["launch started"], ran);
        launchMayEnd.SetResult();
        await launch;
        await lastDone.Task;
        Assert.Equal(["launch started", "launch ended", "fan-out", "tick", "end"], ran);

        Task Record(string what)
        {
            ran.Add(what);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task AFailedQueuedWorkIsReportedAndTheLineGoesOn()
    {
        var line = new ControlLine();
        var reported = new TaskCompletionSource<Exception>();
        line.Queue(() => throw new InvalidOperationException("gateway down"), e => reported.SetResult(e));

        Assert.Equal("gateway down", (await reported.Task).Message);
        var next = false;
        await line.RunAsync(() =>
        {
            next = true;
            return Task.CompletedTask;
        });
        Assert.True(next);
    }

    [Fact]
    public async Task AFailedRunIsThrownToItsCallerAndFreesTheLine()
    {
        var line = new ControlLine();

        await Assert.ThrowsAsync<InvalidOperationException>(() => line.RunAsync(() => throw new InvalidOperationException("refused")));
        var next = false;
        await line.RunAsync(() =>
        {
            next = true;
            return Task.CompletedTask;
        });
        Assert.True(next);
    }

    private static void Unexpected(Exception e) => Assert.Fail($"Queued work failed: {e}");
}
