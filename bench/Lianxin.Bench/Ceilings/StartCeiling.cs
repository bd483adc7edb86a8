using Lianxin.Bench.Harness;

namespace Lianxin.Bench.Ceilings;

/// <summary>From process start to the first 200 of an ASP.NET Core app with nothing in it: the floor of any cold start.</summary>
internal sealed class StartCeiling : IScenario
{
    public const string Id = "ceiling.start";

    public string Name => "ceiling-start";

    public async Task RunAsync(BenchContext context)
    {
        var times = new List<double>();
        for (var i = 0; i < context.Sizes.ColdStarts; i++)
        {
            var (process, _, ready) = await context.StartCeilingAppAsync($"ceiling-start-{i + 1}");
            times.Add(ready.TotalSeconds);
            await process.StopAsync(TimeSpan.FromSeconds(30));
            await process.DisposeAsync();
        }

        context.Results.Ceiling(
            Id, "Ceiling: empty ASP.NET Core app, process start to first 200", Median(times), "s",
            $"median of {times.Count}: {string.Join(", ", times.Select(t => Results.Number(t)))} s");
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
