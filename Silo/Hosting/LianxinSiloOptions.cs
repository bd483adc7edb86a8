namespace Lianxin.Silo.Hosting;

/// <summary>How a silo joins its cluster. Bound from the <c>Cluster</c> configuration section (the <c>Orleans</c> section belongs to Orleans itself).</summary>
public sealed class LianxinSiloOptions
{
    public const string Section = "Cluster";

    /// <summary><c>Localhost</c> (one machine, the default) or <c>AdoNet</c> (membership in PostgreSQL).</summary>
    public string Clustering { get; set; } = "Localhost";

    public string ClusterId { get; set; } = "lianxin";

    /// <summary>Grain-state rows are keyed by it: every silo and host of one deployment must agree on it.</summary>
    public string ServiceId { get; set; } = "lianxin";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one on; in Kubernetes the pod IP. Loopback by default.</summary>
    public string? AdvertisedAddress { get; set; }

    public bool UsesAdoNetClustering => string.Equals(Clustering, "AdoNet", StringComparison.OrdinalIgnoreCase);
}
