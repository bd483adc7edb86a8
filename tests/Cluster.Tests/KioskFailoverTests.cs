using Lianxin.Activity;
using Lianxin.Kiosks;
using Lianxin.TestSupport;
using Xunit.Abstractions;

namespace Lianxin.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class KioskFailoverTests(ClusterFixture cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Kiosks = 3;
    private const int Batches = 20;
    private const int BatchSize = 50;

    public Task InitializeAsync() => cluster.EnsureFullAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public Task KioskEventsAcceptedBeforeAndAfterASiloIsKilledMidStreamAreEachCountedOnce() => cluster.ReportingAsync(output, async () =>
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var fleet = await KioskFleet.CreateAsync(cluster.WebA, Kiosks);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        // Every kiosk stops a third of the way through until the kill starts: the load is faster than the kill is
        // prepared, and would otherwise be over before it.
        var killing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var load = fleet.RunAsync(Batches, BatchSize, TimeSpan.Zero, deadline.Token, (Batches / 3, killing.Task));

        // The silo that holds the center's activity dies without any shutdown while the kiosks send on.
        await Eventually.HoldsAsync(() => Task.FromResult(fleet.Acknowledged), n => n == Kiosks * (Batches / 3) * BatchSize, ClusterFixture.Recovery, "a third of the events acknowledged");
        var victim = await cluster.HostOfAsync(cluster.WebA.Grains.GetGrain<ICenterActivityGrain>(fleet.Center));
        var kiosksOnVictim = 0;
        foreach (var kiosk in fleet.KioskIds)
        {
            kiosksOnVictim += await cluster.HostOfAsync(cluster.WebA.Grains.GetGrain<IKioskIngestGrain>(kiosk)) == victim ? 1 : 0;
        }

        killing.SetResult();
        await cluster.Silos[victim].KillAsync();
        var replaced = cluster.ReplaceAsync(victim);
        output.WriteLine($"{clock.Elapsed}: silo {victim} killed (it held the center's activity and {kiosksOnVictim} of {Kiosks} kiosks)");
        await load;
        output.WriteLine($"{clock.Elapsed}: {fleet.Acknowledged} events acknowledged, {fleet.ResentBatches} batches re-sent after failures; silo {victim} killed.");

        Assert.Equal(Kiosks * Batches * BatchSize, fleet.Acknowledged);
        await fleet.AssertCountedOnceAsync(cluster.Settings.ConnectionString);
        await replaced;
    });
}
