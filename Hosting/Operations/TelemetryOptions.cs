namespace Lianxin.Hosting.Operations;

/// <summary>OpenTelemetry settings (<c>Telemetry:*</c>); see the README's configuration table.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Metrics, traces and the cluster dashboard's grain profiler; off only to measure what they cost.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>An OTLP collector (<c>http://collector:4317</c>): metrics and traces are pushed there when set.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// The port of the Prometheus scrape endpoint (<c>/metrics</c>), a listener of its own apart from the API's port,
    /// so an ingress that routes the API never exposes it. Empty: no scrape endpoint.
    /// </summary>
    public int? PrometheusPort { get; set; }

    /// <summary>Where the scrape listener binds: every address (<c>*</c>, for a pod's IP) by default.</summary>
    public string PrometheusHost { get; set; } = "*";

    /// <summary>Record traces; on by default when an OTLP endpoint is set (traces have nowhere else to go).</summary>
    public bool? Tracing { get; set; }

    /// <summary>The share of new traces recorded (0..1); a trace begun upstream keeps its caller's decision.</summary>
    public double TraceSampleRatio { get; set; } = 0.1;

    /// <summary>The service name traces and metrics carry; the host's own name by default.</summary>
    public string? ServiceName { get; set; }

    /// <summary>Orleans' dashboard (<c>/cluster/</c> on the web hosts, operators only) and its grain-call profiler on the silos.</summary>
    public bool ClusterDashboard { get; set; } = true;

    internal bool TracesOn => Enabled && (Tracing ?? OtlpEndpoint is { Length: > 0 });
}
