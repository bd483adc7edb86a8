using System.Diagnostics;

namespace Lianxin.Bench.Harness;

/// <summary>
/// The benchmark district loaded into the product on its own database. The product's own demo loader does the
/// loading (registry validation, grain creation, PostgreSQL writes) in a host that is stopped afterwards, so every
/// measuring host starts cold on a full database. Loading is setup, not a figure.
/// </summary>
internal sealed record Population(string ConnectionString, BenchDistrict District, TimeSpan LoadTime)
{
    public static async Task<Population> CreateAsync(BenchContext context)
    {
        var connectionString = await context.Postgres.CreateDatabaseAsync("district");
        var district = await BenchDistrict.WriteAsync(
            context.Paths.DemoDistrictFile, Path.Combine(context.WorkDirectory, "bench-district.json"),
            context.Sizes.Grids, context.Sizes.Volunteers, context.Sizes.Kiosks);
        var started = Stopwatch.GetTimestamp();
        await using var host = ProductHost.Start(context, "webhost-load", connectionString, new Dictionary<string, string>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:DataFile"] = district.Path,
            ["Demo:Simulate"] = "false",
        });
        var outcome = host.Process.WaitForLineAsync(
            l => l.Contains("Demo district", StringComparison.Ordinal) && l.Contains(" loaded: ", StringComparison.Ordinal)
                || l.Contains("Loading the demo district failed", StringComparison.Ordinal),
            context.Sizes.Patience);
        await host.WaitReadyAsync(context.Sizes.Patience);
        var line = await outcome;
        if (!line.Contains(", 0 refused", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Loading the benchmark district failed: {line}");
        }

        var population = new Population(connectionString, district, Stopwatch.GetElapsedTime(started));
        context.Results.Detail(
            "setup.district_load", $"Setup: load {district.Volunteers:N0} people, {district.GridIds.Count:N0} grids (product's loader)",
            population.LoadTime.TotalSeconds, "s");
        return population;
    }
}
