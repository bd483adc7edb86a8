using Lianxin.TestSupport;
using Xunit.Abstractions;

namespace Lianxin.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RollingRestartTests(ClusterFixture cluster, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => cluster.EnsureFullAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public Task ARollingRestartUnderKioskLoadLosesNoAcknowledgedEventAndTheDashboardKeepsUpdating() => cluster.ReportingAsync(output, async () =>
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var fleet = await KioskFleet.CreateAsync(cluster.WebA, kiosks: 2);
        await using var dashboard = await Dashboard.OpenAsync(cluster.WebB, fleet.District, fleet.Center);
        using var stop = new CancellationTokenSource();
        var load = fleet.RunAsync(batches: int.MaxValue, batchSize: 10, pause: TimeSpan.FromMilliseconds(200), stop.Token);
        await dashboard.UpdatedBeyondAsync(0, "updates before the restart");

        // What Kubernetes does in a rolling update with maxUnavailable 0: one silo at a time stops gracefully, and a
        // new one joins before the next stops.
        for (var i = 0; i < ClusterFixture.Size; i++)
        {
            await cluster.Silos[i].StopAsync();
            output.WriteLine($"{clock.Elapsed}: silo {i} stopped");
            await cluster.ReplaceAsync(i);
            output.WriteLine($"{clock.Elapsed}: its replacement joined");
            Assert.False(load.IsCompleted, "the kiosks are still sending");
            await dashboard.UpdatedBeyondAsync(dashboard.PeopleInside, $"updates after silo {i} was replaced");
            output.WriteLine($"{clock.Elapsed}: the dashboard shows {dashboard.PeopleInside} people inside");
        }

        await stop.CancelAsync();
        await load;
        output.WriteLine($"{fleet.Acknowledged} events acknowledged, {fleet.ResentBatches} batches re-sent; dashboard applied {dashboard.Deltas} deltas, resynced {dashboard.Resyncs} times.");
        await fleet.AssertCountedOnceAsync(cluster.Settings.ConnectionString);
    });
}
