using System.Diagnostics;
using System.Globalization;
using Lianxin.Bench.Harness;
using Lianxin.Bench.Workers;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.Bench.Ceilings;

/// <summary>
/// A hub with no logic broadcasting timestamped messages to as many WebSocket clients as the dashboards scenario
/// connects: latency from send to receipt, and deliveries per second.
/// </summary>
internal sealed class BroadcastCeiling : IScenario
{
    public const string P50Id = "ceiling.broadcast_p50";
    public const string P99Id = "ceiling.broadcast_p99";
    public const string DeliveriesId = "ceiling.broadcast_deliveries";

    /// <summary>About the size of a live delta with a few center cards.</summary>
    public const int MessageBytes = 400;

    public string Name => "ceiling-signalr";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var warmupMessages = (int)(sizes.BroadcastsPerSecond * sizes.Warmup.TotalSeconds);
        var messages = warmupMessages + (int)(sizes.BroadcastsPerSecond * sizes.Measure.TotalSeconds);
        var expected = (long)sizes.DashboardClients * (messages - warmupMessages);
        var latencies = new Latencies((int)expected);
        var received = 0L;
        var allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var (process, address, _) = await context.StartCeilingAppAsync("ceiling-signalr");
        await using (process)
        {
            await using var clients = await HubClients.ConnectAsync(new Uri(address, CeilingApp.HubPath), sizes.DashboardClients, (connection, _) =>
                connection.On<long, int, string>(Broadcaster.Method, (stamp, sequence, _) =>
                {
                    if (sequence < warmupMessages)
                    {
                        return;
                    }

                    latencies.Add(Stopwatch.GetElapsedTime(stamp).TotalMilliseconds);
                    if (Interlocked.Increment(ref received) == expected)
                    {
                        allReceived.TrySetResult();
                    }
                }));

            using var http = new HttpClient { BaseAddress = address };
            var query = string.Create(CultureInfo.InvariantCulture, $"/broadcast?count={messages}&perSecond={sizes.BroadcastsPerSecond}&bytes={MessageBytes}");
            (await http.PostAsync(query, null)).EnsureSuccessStatusCode();
            var deadline = TimeSpan.FromSeconds(messages / sizes.BroadcastsPerSecond) + TimeSpan.FromSeconds(30);
            await allReceived.Task.WaitAsync(deadline).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var summary = latencies.Summarize();
        var lost = expected - Interlocked.Read(ref received);
        var title = $"{sizes.DashboardClients:N0} WebSocket clients, {sizes.BroadcastsPerSecond:0} broadcasts/s of {MessageBytes} B";
        context.Results.Ceiling(P50Id, $"Ceiling: SignalR broadcast to {title}, p50", summary.P50, "ms");
        context.Results.Ceiling(P99Id, $"Ceiling: SignalR broadcast to {title}, p99", summary.P99, "ms", lost > 0 ? $"{lost} of {expected} deliveries missing" : null);
        context.Results.Detail(DeliveriesId, "Ceiling detail: SignalR deliveries per second at that rate", received / sizes.Measure.TotalSeconds, "deliveries/s");
    }
}
