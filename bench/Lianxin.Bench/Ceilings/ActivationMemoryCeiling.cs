using Lianxin.Bench.Harness;
using Lianxin.Bench.Workers;

namespace Lianxin.Bench.Ceilings;

/// <summary>Memory per idle activation of a grain that holds 200 bytes and nothing else, after a full GC.</summary>
internal sealed class ActivationMemoryCeiling : IScenario
{
    public const string Id = "ceiling.activation_memory";

    public string Name => "ceiling-memory";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var result = await context.RunWorkerAsync(
            "activation-memory", new WorkerArgs(sizes.Volunteers, sizes.GrainCallsInFlight, TimeSpan.Zero, TimeSpan.Zero, null));
        var count = result["activations"];
        var perActivation = (result["workingSetAfter"] - result["workingSetBefore"]) / count / 1024;
        var heap = (result["heapAfter"] - result["heapBefore"]) / count / 1024;
        context.Results.Ceiling(
            Id, $"Ceiling: working set per idle activation (200-byte state), {count:N0} active", perActivation, "KiB",
            $"managed heap {Results.Number(heap)} KiB per activation; working set {Results.Number(result["workingSetBefore"] / 1048576)} → {Results.Number(result["workingSetAfter"] / 1048576)} MiB");
    }
}
