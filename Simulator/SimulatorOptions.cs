namespace Lianxin.Simulator;

/// <summary>How the simulator plays a district's kiosk traffic.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The district file (the demo district's format).</summary>
    public required string DistrictPath { get; init; }

    /// <summary>How many of the district's kiosks to play (all when null).</summary>
    public int? Kiosks { get; init; }

    /// <summary>Target rate of new events over all kiosks; 0 sends as fast as the server answers.</summary>
    public double EventsPerSecond { get; init; } = 10;

    /// <summary>Stop after this many new events (null: until cancelled or <see cref="Duration"/>).</summary>
    public long? TotalEvents { get; init; }

    /// <summary>Stop after this long (null: until cancelled or <see cref="TotalEvents"/>).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>
    /// The run's first part, played but not timed: batches sent before it ends are left out of the latencies. A fleet
    /// that is already running when the timing starts, instead of one that registers its keys and starts together.
    /// </summary>
    public TimeSpan Warmup { get; init; }

    /// <summary>New events per batch.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>Batches in flight at once over all kiosks.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Chance that an acknowledged batch is sent again whole (a kiosk that missed the answer).</summary>
    public double DuplicateBatchRate { get; init; } = 0.03;

    /// <summary>Chance that a batch carries half of the previous batch again (an upload that resumes too early).</summary>
    public double OverlapRate { get; init; } = 0.03;

    /// <summary>Chance, per batch, that a kiosk goes offline: it buffers the next few batches and uploads them late, shuffled.</summary>
    public double OfflineRate { get; init; } = 0.02;

    /// <summary>How many batches an offline period buffers.</summary>
    public int OfflineBatches { get; init; } = 4;

    /// <summary>Heartbeat period per kiosk (0: no heartbeats).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Seed of the traffic's randomness, so a run can be repeated.</summary>
    public int Seed { get; init; } = 20261127;

    /// <summary>A bearer token of an operator over the district; when null, one is asked from the development token endpoint.</summary>
    public string? OperatorToken { get; init; }
}
