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
        output.WriteLine($"{clock.Elapsed}: kiosks sending, the dashboard shows {dashboard.PeopleInside} people inside");

        // One silo at a time stops gracefully while its replacement starts; the next goes once the replacement joined.
        for (var i = 0; i < ClusterFixture.Size; i++)
        {
            var stopping = cluster.Silos[i];
            await Task.WhenAll(stopping.StopAsync(), cluster.ReplaceAsync(i));
            output.WriteLine($"{clock.Elapsed}: silo {i} stopped, its replacement joined");
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
