namespace Lianxin.Hosting;

/// <summary>
/// How a host joins its cluster. Bound from the <c>Cluster</c> configuration section (the <c>Orleans</c>
/// section belongs to Orleans itself).
/// </summary>
public sealed class LianxinClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>
    /// For the web host: <c>CoHosted</c> (the default: it runs a silo in its own process) or <c>Client</c>
    /// (it calls an external cluster through its gateways).
    /// </summary>
    public string Mode { get; set; } = "CoHosted";

    /// <summary><c>Localhost</c> (one machine, the default) or <c>AdoNet</c> (membership in PostgreSQL).</summary>
    public string Clustering { get; set; } = "Localhost";

    public string ClusterId { get; set; } = "lianxin";

    /// <summary>Grain-state rows are keyed by it: every silo and host of one deployment must agree on it.</summary>
    public string ServiceId { get; set; } = "lianxin";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one on; in Kubernetes the pod IP. Loopback by default.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// How long a stopping silo may take to hand over its actors and finish acknowledged work; the Kubernetes
    /// termination grace period must be longer.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesAdoNetClustering => string.Equals(Clustering, "AdoNet", StringComparison.OrdinalIgnoreCase);

    public bool IsClient => string.Equals(Mode, "Client", StringComparison.OrdinalIgnoreCase);
}
