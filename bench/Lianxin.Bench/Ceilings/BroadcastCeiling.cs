using System.Diagnostics;
using System.Globalization;
using Lianxin.Bench.Harness;
using Lianxin.Bench.Workers;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.Bench.Ceilings;

/// <summary>
/// A hub with no logic broadcasting timestamped messages to as many WebSocket clients as the push scenario connects:
/// latency from send to receipt, and deliveries per second. The push scenario runs it again at its own message rate
/// and size, so its ratio compares like with like.
/// </summary>
internal sealed class BroadcastCeiling : IScenario
{
    public const string P50Id = "ceiling.broadcast_p50";
    public const string P99Id = "ceiling.broadcast_p99";

    /// <summary>About the size of a live delta with a few center cards.</summary>
    public const int MessageBytes = 400;

    public string Name => "ceiling-signalr";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var result = await MeasureAsync(context, "ceiling-signalr", sizes.DashboardClients, sizes.BroadcastsPerSecond, MessageBytes);
        var title = $"{sizes.DashboardClients:N0} WebSocket clients, {sizes.BroadcastsPerSecond:0} broadcasts/s of {MessageBytes} B";
        context.Results.Ceiling(P50Id, $"Ceiling: SignalR broadcast to {title}, p50", result.Latency.P50, "ms");
        context.Results.Ceiling(P99Id, $"Ceiling: SignalR broadcast to {title}, p99", result.Latency.P99, "ms", result.Note);
        context.Results.Detail("ceiling.broadcast_deliveries", "Ceiling detail: SignalR deliveries per second at that rate", result.PerSecond, "deliveries/s");
    }

    /// <summary>Broadcasts for the warm-up and measuring time to <paramref name="clients"/> clients of a fresh ceiling app.</summary>
    public static async Task<BroadcastResult> MeasureAsync(BenchContext context, string name, int clients, double perSecond, int bytes)
    {
        var sizes = context.Sizes;
        var warmupMessages = (int)(perSecond * sizes.Warmup.TotalSeconds);
        var messages = warmupMessages + Math.Max(1, (int)(perSecond * sizes.Measure.TotalSeconds));
        var expected = (long)clients * (messages - warmupMessages);
        var latencies = new Latencies((int)expected);
        var received = 0L;
        var allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var (process, address, _) = await context.StartCeilingAppAsync(name);
        await using (process)
        {
            await using var hubClients = await HubClients.ConnectAsync(new Uri(address, CeilingApp.HubPath), clients, (connection, _) =>
                connection.On<long, int, string>(Broadcaster.Method, (stamp, sequence, _) =>
                {
                    if (sequence < warmupMessages)
                    {
                        return;
                    }

                    // The sender's Stopwatch timestamp: CLOCK_MONOTONIC, the same clock in every process of the machine.
                    latencies.Add(Stopwatch.GetElapsedTime(stamp).TotalMilliseconds);
                    if (Interlocked.Increment(ref received) == expected)
                    {
                        allReceived.TrySetResult();
                    }
                }));

            using var http = new HttpClient { BaseAddress = address };
            var query = string.Create(CultureInfo.InvariantCulture, $"/broadcast?count={messages}&perSecond={perSecond}&bytes={bytes}");
            (await http.PostAsync(query, null)).EnsureSuccessStatusCode();
            var deadline = TimeSpan.FromSeconds(messages / perSecond) + TimeSpan.FromSeconds(30);
            await allReceived.Task.WaitAsync(deadline).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var lost = expected - Interlocked.Read(ref received);
        return new BroadcastResult(
            Interlocked.Read(ref received) / sizes.Measure.TotalSeconds, latencies.Summarize(), lost > 0 ? $"{lost} of {expected} deliveries missing" : null);
    }
}

/// <summary>Deliveries per second, their latencies, and what went missing.</summary>
internal sealed record BroadcastResult(double PerSecond, Percentiles Latency, string? Note);
