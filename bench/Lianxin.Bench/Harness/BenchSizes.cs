using System.Globalization;

namespace Lianxin.Bench.Harness;

/// <summary>
/// How big and how long each measurement is. <see cref="Full"/> is the issue's sizes; <see cref="SmokeSizes"/> runs
/// every code path in seconds so the test script can prove the harness still works.
/// </summary>
internal sealed record BenchSizes
{
    /// <summary>Events per kiosk batch: the protocol's usual upload.</summary>
    public int BatchSize { get; init; } = 50;

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Full load on a fresh product host before its throughput and CPU per event are measured. The JIT's second tier
    /// keeps recompiling the hot methods for about a minute of full kiosk load on 2 cores (the host's perf map grew by
    /// 10,000 tier-1 methods in that minute, and its compiler thread took a tenth of the machine): a shorter warm-up
    /// counts that compilation as a cost of every event, and counts more of it for a host that has more code to compile.
    /// </summary>
    public TimeSpan LoadWarmup { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan Measure { get; init; } = TimeSpan.FromSeconds(10);

    public int HttpConnections { get; init; } = 64;

    public int Grains { get; init; } = 10_000;

    public int GrainCallsInFlight { get; init; } = 256;

    public int StateWritesInFlight { get; init; } = 64;

    /// <summary>Connections appending to the journal at once in the journal ceiling.</summary>
    public int JournalWriters { get; init; } = 8;

    /// <summary>Rounds of telemetry on and off: each round starts both sides afresh, then runs them in turns.</summary>
    public int TelemetryRounds { get; init; } = 2;

    /// <summary>Turns of each side per round and phase (full rate, then fixed rate), in alternating order.</summary>
    public int TelemetryTurns { get; init; } = 5;

    public int DashboardClients { get; init; } = 1_000;

    public double BroadcastsPerSecond { get; init; } = 20;

    /// <summary>Volunteers in the benchmark district, all of them activated for the memory figure.</summary>
    public int Volunteers { get; init; } = 200_000;

    /// <summary>Grids of the benchmark district: about 40 people each, as in a prefecture-level city.</summary>
    public int Grids { get; init; } = 5_000;

    public int ColdStarts { get; init; } = 3;

    public int Kiosks { get; init; } = 60;

    public double PushIngestEventsPerSecond { get; init; } = 5_000;

    /// <summary>
    /// The rate of the ingest scenario's latency phase; 0 (the figure's definition) is half the rate the product reached
    /// in the same run. A fixed rate compares two builds at the same load when the machine's speed moves between runs.
    /// </summary>
    public double HalfLoadEventsPerSecond { get; init; }

    public int Mobilized { get; init; } = 50_000;

    /// <summary>Different people signing up for one activity within one second (the flash crowd).</summary>
    public int FlashAttempts { get; init; } = 10_000;

    /// <summary>Places of the flash crowd's activity (its waitlist is as long).</summary>
    public int FlashPlaces { get; init; } = 300;

    /// <summary>Activities opening at the same minute across the district (the district's flash crowd).</summary>
    public int DistrictActivities { get; init; } = 100;

    /// <summary>Different people signing up, spread over the district's activities, within <see cref="DistrictSeconds"/>.</summary>
    public int DistrictAttempts { get; init; } = 50_000;

    /// <summary>How long the district's flash crowd lasts.</summary>
    public int DistrictSeconds { get; init; } = 10;

    /// <summary>Outbound events the event-feed scenario delivers to one subscriber.</summary>
    public int FeedEvents { get; init; } = 30_000;

    /// <summary>Kiosk events per second the public-page scenario ingests while phones read the public pages.</summary>
    public double PublicIngestEventsPerSecond { get; init; } = 2_000;

    /// <summary>First pages per second the lists scenario asks for while it measures each list's latency.</summary>
    public double ListPagesPerSecond { get; init; } = 200;

    /// <summary>The steady rate the event-feed scenario commits events at while it measures latency and the outage.</summary>
    public double FeedRate { get; init; } = 10_000;

    /// <summary>How long the event-feed scenario's subscriber refuses every delivery while events keep coming (the issue: 10 minutes).</summary>
    public TimeSpan FeedOutage { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long any one wait for a host (start, load, drain) may take before the run fails.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromMinutes(20);

    public static BenchSizes Full { get; } = new();

    /// <summary>A copy with one size changed: <c>name=value</c>, the name as the property's, any case.</summary>
    public BenchSizes With(string change)
    {
        var parts = change.Split('=', 2, StringSplitOptions.TrimEntries);
        var property = parts.Length == 2
            ? typeof(BenchSizes).GetProperties().FirstOrDefault(p => p.CanWrite && string.Equals(p.Name, parts[0], StringComparison.OrdinalIgnoreCase))
            : null;
        if (property is null)
        {
            throw new ArgumentException($"--set {change}: expected name=value with a name among {string.Join(", ", typeof(BenchSizes).GetProperties().Where(p => p.CanWrite).Select(p => p.Name))}.");
        }

        var value = property.PropertyType == typeof(TimeSpan)
            ? TimeSpan.FromSeconds(double.Parse(parts[1], CultureInfo.InvariantCulture))
            : Convert.ChangeType(parts[1], property.PropertyType, CultureInfo.InvariantCulture);
        var copy = this with { };
        property.SetValue(copy, value);
        return copy;
    }

    public static BenchSizes SmokeSizes { get; } = new()
    {
        Warmup = TimeSpan.FromMilliseconds(300),
        LoadWarmup = TimeSpan.FromMilliseconds(1500),
        Measure = TimeSpan.FromSeconds(1),
        HttpConnections = 8,
        Grains = 500,
        GrainCallsInFlight = 32,
        StateWritesInFlight = 8,
        JournalWriters = 2,
        DashboardClients = 10,
        Volunteers = 400,
        Grids = 20,
        ColdStarts = 1,
        Kiosks = 4,
        PushIngestEventsPerSecond = 200,
        Mobilized = 100,
        FlashAttempts = 200,
        FlashPlaces = 10,
        DistrictActivities = 4,
        DistrictAttempts = 200,
        DistrictSeconds = 2,
        FeedEvents = 300,
        FeedRate = 500,
        ListPagesPerSecond = 20,
        PublicIngestEventsPerSecond = 200,
        FeedOutage = TimeSpan.FromSeconds(2),
        Patience = TimeSpan.FromMinutes(3),
    };
}
