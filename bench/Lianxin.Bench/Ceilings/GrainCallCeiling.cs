using Lianxin.Bench.Harness;
using Lianxin.Bench.Workers;

namespace Lianxin.Bench.Ceilings;

/// <summary>Calls per second to a grain that does nothing, made inside the silo's process (co-hosted).</summary>
internal sealed class GrainCallCeiling : IScenario
{
    public const string Id = "ceiling.grain_calls";

    public string Name => "ceiling-grains";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var result = await context.RunWorkerAsync("grain-calls", new WorkerArgs(sizes.Grains, sizes.GrainCallsInFlight, sizes.Warmup, sizes.Measure, null));
        context.Results.Ceiling(
            Id, $"Ceiling: no-op grain calls, {sizes.Grains:N0} grains, {sizes.GrainCallsInFlight} in flight (co-hosted)", result["perSecond"], "calls/s",
            $"p99 {Results.Number(result["p99"])} ms");
    }
}
