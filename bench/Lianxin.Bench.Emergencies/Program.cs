using System.Diagnostics;
using System.Globalization;
using Lianxin.Bench.Emergencies;
using Lianxin.Common.Journal;
using Lianxin.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// One-key mobilization at scale, on PostgreSQL with fsync on:
//   dotnet run -c Release --project bench/Lianxin.Bench.Emergencies -- "<server connection string>" [people] [grids] [answers in flight]
// ("memory" instead of a connection string runs on the embedded default.) Creates a fresh database and a district of
// <grids> grids with <people> people, warms the code paths up with a small emergency, then measures
//   1. launch → every person's actor reached and the deliveries durable ("notified"),
//   2. everyone answering once → every answer durable (each is acknowledged only after the journal commit),
//   3. how long after an answer is sent the roll-call shows it (read-after-answer).
// With --inbound: only inbound CAP warning → proposal on the dashboard (see InboundRun).
var server = args.ElementAtOrDefault(0) ?? Environment.GetEnvironmentVariable("LIANXIN_BENCH_POSTGRES")
    ?? throw new ArgumentException("Pass a PostgreSQL server connection string, or \"memory\".");
var people = int.Parse(args.ElementAtOrDefault(1) ?? "50000", CultureInfo.InvariantCulture);
var grids = int.Parse(args.ElementAtOrDefault(2) ?? "500", CultureInfo.InvariantCulture);
var inFlight = int.Parse(args.ElementAtOrDefault(3) ?? "2048", CultureInfo.InvariantCulture);
var cpu = new CpuMeter(Environment.GetEnvironmentVariable("LIANXIN_BENCH_PGDATA"));

var inMemory = server == "memory";
var database = inMemory ? new BenchDatabase("(in memory)", "") : await BenchDatabase.CreateAsync(server);
Console.WriteLine($"database {database.Name}; {people} people in {grids} grids; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
try
{
    var host = await StartHostAsync(database.ConnectionString);
    var grainFactory = host.Services.GetRequiredService<IGrainFactory>();

    var setup = Stopwatch.StartNew();
    var district = await BenchDistrict.CreateAsync(grainFactory, people, grids);
    Console.WriteLine($"setup: {setup.Elapsed.TotalSeconds:0.0} s");
    if (args.Contains("--cold"))
    {
        // A new host on the same database: every person's actor has to be activated (its state read) again.
        await host.StopAsync();
        host.Dispose();
        host = await StartHostAsync(database.ConnectionString);
        grainFactory = host.Services.GetRequiredService<IGrainFactory>();
        Console.WriteLine("restarted: the people's actors are cold");
    }

    if (args.Contains("--inbound"))
    {
        // Only the inbound path: a CAP warning until its proposal is stored and published.
        await new InboundRun(grainFactory, district).RunAsync();
        await host.StopAsync();
        host.Dispose();
        return;
    }

    await new MobilizationRun(grainFactory, district with { People = [.. district.People.Where((_, i) => i % grids == 0)] }, inFlight, quiet: true, cpu)
        .RunAsync(new Lianxin.Emergencies.EmergencyScope(Lianxin.Emergencies.ScopeKind.Grids, [district.GridIds[0]]));
    Console.WriteLine($"warmed up; load average {LoadAverage()}");
    await new MobilizationRun(grainFactory, district, inFlight, quiet: false, cpu)
        .RunAsync(new Lianxin.Emergencies.EmergencyScope(Lianxin.Emergencies.ScopeKind.Region, [district.DistrictId]));
    Console.WriteLine($"load average {LoadAverage()}");
    await host.StopAsync();
    host.Dispose();
}
finally
{
    if (!inMemory)
    {
        await BenchDatabase.DropAsync(server, database.Name);
    }
}

static async Task<IHost> StartHostAsync(string connectionString)
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
    builder.Configuration["Cluster:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
    builder.Configuration["Cluster:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
    builder.AddLianxinSilo();
    var host = builder.Build();
    await host.StartAsync();
    return host;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
