using Lianxin.Bench.Harness;
using Lianxin.Bench.Workers;

namespace Lianxin.Bench.Ceilings;

/// <summary>
/// Grain calls that each write a small state through Orleans ADO.NET to PostgreSQL with fsync on, on the product's
/// schema and storage configuration: what one durable write per operation can reach.
/// </summary>
internal sealed class StateWriteCeiling : IScenario
{
    public const string Id = "ceiling.state_writes";
    public const string P50Id = "ceiling.state_write_p50";
    public const string P99Id = "ceiling.state_write_p99";

    public string Name => "ceiling-postgres";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var database = await context.Postgres.CreateDatabaseAsync("ceiling");
        var result = await context.RunWorkerAsync(
            "state-writes", new WorkerArgs(sizes.Grains, sizes.StateWritesInFlight, sizes.Warmup, sizes.Measure, database));
        context.Results.Ceiling(
            Id, $"Ceiling: grain state writes to PostgreSQL (fsync on), {sizes.StateWritesInFlight} in flight", result["perSecond"], "writes/s",
            $"{result["errors"]} errors");
        context.Results.Ceiling(P50Id, "Ceiling: one durable grain state write, p50", result["p50"], "ms");
        context.Results.Ceiling(P99Id, "Ceiling: one durable grain state write, p99", result["p99"], "ms");
    }
}
