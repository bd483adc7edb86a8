using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lianxin.Bench.Harness;
using Lianxin.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lianxin.Bench.Workers;

/// <summary>
/// The grain ceilings, each in its own process with a silo configured by the product's
/// <see cref="SiloConfiguration"/> and the calls made inside that process (co-hosted, as the web host calls its
/// grains). Prints one <c>RESULT {json}</c> line and exits.
/// </summary>
internal static class GrainWorker
{
    public const string ResultPrefix = "RESULT ";

    public static async Task<int> RunAsync(string[] args)
    {
        var kind = args[0];
        var options = WorkerArgs.Parse(args.Skip(1));
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Lianxin"] = options.Postgres ?? "",
            ["Cluster:ServiceId"] = "lianxin-bench",
            ["Cluster:ClusterId"] = "lianxin-bench",
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.ConfigureLianxinSilo(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var result = kind switch
        {
            "grain-calls" => await GrainCallsAsync(grains, options),
            "state-writes" => await StateWritesAsync(grains, options),
            "activation-memory" => await ActivationMemoryAsync(grains, options),
            _ => throw new ArgumentException($"Unknown worker '{kind}'."),
        };
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        await host.StopAsync();
        return 0;
    }

    private static async Task<Dictionary<string, double>> GrainCallsAsync(IGrainFactory grains, WorkerArgs options)
    {
        await ForEachGrainAsync(options, i => grains.GetGrain<INoOpGrain>(i).PingAsync());
        var load = await ClosedLoop.RunAsync(
            options.InFlight,
            async n =>
            {
                await grains.GetGrain<INoOpGrain>(n % options.Grains).PingAsync();
                return true;
            },
            options.Warmup,
            options.Measure);
        return Summary(load);
    }

    private static async Task<Dictionary<string, double>> StateWritesAsync(IGrainFactory grains, WorkerArgs options)
    {
        // Activation reads each grain's row: done before, so the figure is writes only.
        await ForEachGrainAsync(options, i => grains.GetGrain<IStateWriteGrain>(i).TouchAsync());
        var load = await ClosedLoop.RunAsync(
            options.InFlight,
            async n =>
            {
                await grains.GetGrain<IStateWriteGrain>(n % options.Grains).WriteAsync((int)n);
                return true;
            },
            options.Warmup,
            options.Measure);
        return Summary(load);
    }

    /// <summary>Working set and managed heap after a full blocking GC, before and after activating the grains.</summary>
    private static async Task<Dictionary<string, double>> ActivationMemoryAsync(IGrainFactory grains, WorkerArgs options)
    {
        // Warm the call path on a few grains so JIT and pools do not count as activations.
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => grains.GetGrain<IIdleGrain>(-1 - i).TouchAsync()));
        var (workingSetBefore, heapBefore) = Measure();
        await ForEachGrainAsync(options, i => grains.GetGrain<IIdleGrain>(i).TouchAsync());
        var (workingSetAfter, heapAfter) = Measure();
        return new()
        {
            ["activations"] = options.Grains,
            ["workingSetBefore"] = workingSetBefore,
            ["workingSetAfter"] = workingSetAfter,
            ["heapBefore"] = heapBefore,
            ["heapAfter"] = heapAfter,
        };
    }

    /// <summary>Calls every grain once, <see cref="WorkerArgs.InFlight"/> at a time: activates them all.</summary>
    private static Task ForEachGrainAsync(WorkerArgs options, Func<int, Task> call)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, options.InFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < options.Grains)
            {
                await call(i);
            }
        }));
    }

    private static (double WorkingSet, double Heap) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        return (self.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static Dictionary<string, double> Summary(LoadResult load) => new()
    {
        ["perSecond"] = load.PerSecond,
        ["p50"] = load.Latency.P50,
        ["p99"] = load.Latency.P99,
        ["errors"] = load.Errors,
    };
}
