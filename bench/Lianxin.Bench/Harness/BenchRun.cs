using System.Globalization;

namespace Lianxin.Bench.Harness;

/// <summary>One run: every selected scenario in order, then the results as JSON and Markdown.</summary>
internal static class BenchRun
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        BenchOptions? options;
        string? message;
        try
        {
            (options, message) = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.WriteLine(e.Message);
            return 2;
        }

        if (options is null)
        {
            Console.WriteLine(message);
            return message == BenchOptions.Usage || !message!.StartsWith("Unknown", StringComparison.Ordinal) ? 0 : 2;
        }

        var paths = BenchPaths.Resolve(options.WebHostDll);
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Read();
        var work = Directory.CreateTempSubdirectory("lianxin-bench.").FullName;
        Console.WriteLine($"Lianxin benchmarks{(options.Smoke ? " (smoke: tiny sizes, figures not meaningful)" : "")} at {paths.Commit}");
        Console.WriteLine($"  {machine.Cores} cores, {machine.MemoryGiB:0.0} GiB, load average {machine.LoadAverageAtStart:0.00}; child logs in {work}/logs");

        await using var postgres = options.Postgres is { } server ? PostgresServer.Use(server) : await PostgresServer.StartAsync();
        var settings = await postgres.SettingsAsync();
        Console.WriteLine($"  PostgreSQL {settings["server_version"]} ({(postgres.IsOwn ? "started by the harness" : "given")}), fsync {settings["fsync"]}, synchronous_commit {settings["synchronous_commit"]}");
        var context = new BenchContext(options, paths, postgres, work);
        if (settings["fsync"] != "on")
        {
            context.Results.Problem("postgres", new InvalidOperationException("fsync is off: durable figures would be flattered."));
        }

        var scenarios = Catalog.All.Where(s => options.Includes(s.Name)).ToList();
        var runStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var (scenario, index) in scenarios.Select((s, i) => (s, i)))
        {
            // A full run takes half an hour: say where it is and how long it has been going.
            Console.WriteLine($"-- {scenario.Name} ({index + 1} of {scenarios.Count}, {System.Diagnostics.Stopwatch.GetElapsedTime(runStarted):hh\\:mm\\:ss} elapsed)");
            try
            {
                await scenario.RunAsync(context);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                context.Results.Problem(scenario.Name, e);
            }
        }

        var run = new RunRecord(
            startedAt, DateTimeOffset.UtcNow, paths.Commit, options.Smoke, options.Sizes, machine, MachineInfo.LoadAverage(), settings,
            context.Results.Figures, context.Results.Problems);
        var output = options.OutputDirectory ?? (options.Smoke ? Path.Combine(work, "results") : Path.Combine(paths.RepositoryRoot, "bench", "results"));
        var (json, markdown) = await ResultsWriter.WriteAsync(run, output);
        var keep = !options.Smoke || options.OutputDirectory is not null || context.Results.Problems.Count > 0;
        Console.WriteLine(keep ? $"Results: {json}{Environment.NewLine}         {markdown}" : "Results: written and removed with the work folder (smoke run)");
        if (context.Results.Problems.Count > 0)
        {
            Console.WriteLine($"{context.Results.Problems.Count} scenario(s) could not measure; child logs kept in {work}/logs");
            return 1;
        }

        if (!keep)
        {
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }
}
