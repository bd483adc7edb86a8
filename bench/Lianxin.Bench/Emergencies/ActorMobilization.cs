using System.Diagnostics;
using System.Globalization;
using Lianxin.Bench.Harness;
using Lianxin.Emergencies;
using Lianxin.Hosting;
using Lianxin.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lianxin.Bench.Emergencies;

/// <summary>
/// One-key mobilization at scale at the actor level, on PostgreSQL with fsync on (BENCHMARKS.md, "Mobilization at the
/// actor level"): one silo in this process, no HTTP.
/// </summary>
internal static class ActorMobilization
{
    public const string Command = "actor-mobilization";

    public const string Usage = """
          bench/run.sh actor-mobilization "<server connection string>"|memory [people] [grids] [answers in flight] [--cold] [--inbound]
            one-key mobilization at the actor level: a silo in this process, a fresh database with <grids> grids and
            <people> people (default 50000 500 2048), warmed up with a small emergency, then launch → everyone reached,
            everyone answering, and read-after-answer; --cold restarts the host after creating the people; --inbound
            measures only inbound CAP warning → proposal. "memory" runs on the embedded default; env LIANXIN_BENCH_PGDATA
            (the server's data directory) adds PostgreSQL's CPU seconds.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var server = args.ElementAtOrDefault(0) ?? Environment.GetEnvironmentVariable(BenchOptions.PostgresVariable);
        if (server is null or "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return server is null ? 2 : 0;
        }

        var people = int.Parse(args.ElementAtOrDefault(1) ?? "50000", CultureInfo.InvariantCulture);
        var grids = int.Parse(args.ElementAtOrDefault(2) ?? "500", CultureInfo.InvariantCulture);
        var inFlight = int.Parse(args.ElementAtOrDefault(3) ?? "2048", CultureInfo.InvariantCulture);
        var cpu = new CpuMeter(Environment.GetEnvironmentVariable("LIANXIN_BENCH_PGDATA"));

        var inMemory = server == "memory";
        var postgres = inMemory ? null : PostgresServer.Use(server);
        var connectionString = postgres is null ? "" : await postgres.CreateDatabaseAsync("mobilization");
        Console.WriteLine($"database {(inMemory ? "(in memory)" : connectionString)}; {people} people in {grids} grids; "
            + $"{Environment.ProcessorCount} cores; load average {MachineInfo.LoadAverage():0.00}");
        try
        {
            var host = await StartHostAsync(connectionString);
            var grainFactory = host.Services.GetRequiredService<IGrainFactory>();

            var setup = Stopwatch.StartNew();
            var district = await BenchDistrict.CreateAsync(grainFactory, people, grids);
            Console.WriteLine($"setup: {setup.Elapsed.TotalSeconds:0.0} s");
            if (args.Contains("--cold"))
            {
                // A new host on the same database: every person's actor has to be activated (its state read) again.
                await host.StopAsync();
                host.Dispose();
                host = await StartHostAsync(connectionString);
                grainFactory = host.Services.GetRequiredService<IGrainFactory>();
                Console.WriteLine("restarted: the people's actors are cold");
            }

            if (args.Contains("--inbound"))
            {
                // Only the inbound path: a CAP warning until its proposal is stored and published.
                await new InboundRun(grainFactory, district).RunAsync();
            }
            else
            {
                var everyone = district.VolunteerIds();
                var firstGrid = everyone.Where((_, i) => i % grids == 0).ToList();
                await new MobilizationRun(grainFactory, district, firstGrid, inFlight, quiet: true, cpu)
                    .RunAsync(new EmergencyScope(ScopeKind.Grids, [district.GridIds[0]]));
                Console.WriteLine($"warmed up; load average {MachineInfo.LoadAverage():0.00}");
                await new MobilizationRun(grainFactory, district, everyone, inFlight, quiet: false, cpu)
                    .RunAsync(new EmergencyScope(ScopeKind.Region, [district.RootCenterId]));
                Console.WriteLine($"load average {MachineInfo.LoadAverage():0.00}");
            }

            await host.StopAsync();
            host.Dispose();
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DropDatabaseAsync(connectionString);
            }
        }

        return 0;
    }

    private static async Task<IHost> StartHostAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Error);
        builder.Configuration["ConnectionStrings:Lianxin"] = connectionString;
        if (connectionString.Length == 0)
        {
            // "memory" runs on purpose without PostgreSQL.
            builder.Configuration["Storage:AllowInMemory"] = "true";
        }

        builder.Configuration["Cluster:ServiceId"] = "bench";
        builder.Configuration["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        builder.Configuration["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        builder.AddLianxinSilo();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
