using Lianxin.Bench.Ceilings;
using Lianxin.Bench.Harness;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (5) Cold start: from starting <c>dotnet Lianxin.WebHost.dll</c> on the benchmark district's database (schema check,
/// silo start, PostgreSQL reachable) to the first 200 from <c>/health/ready</c>.
/// </summary>
internal sealed class ColdStartScenario : IScenario
{
    public string Name => "cold-start";

    public async Task RunAsync(BenchContext context)
    {
        var population = await context.PopulationAsync();
        var times = new List<double>();
        for (var i = 0; i < context.Sizes.ColdStarts; i++)
        {
            await using var host = ProductHost.Start(context, $"webhost-start-{i + 1}", population.ConnectionString);
            times.Add((await host.WaitReadyAsync(context.Sizes.Patience)).TotalSeconds);
        }

        context.Results.Product(
            "product.cold_start", "(5) Cold start to /health/ready", StartCeiling.Median(times), "s",
            [(StartCeiling.Id, "× an empty ASP.NET Core app", (v, c) => v / c)],
            Target.AtMost(5, "s"),
            $"median of {times.Count}: {string.Join(", ", times.Select(t => Results.Number(t)))} s");
    }
}
