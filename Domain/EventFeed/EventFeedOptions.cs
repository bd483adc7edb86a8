namespace Lianxin.EventFeed;

/// <summary>The outbound event feed's push delivery (<c>EventFeed:*</c>).</summary>
public sealed class EventFeedOptions
{
    public const string Section = "EventFeed";

    /// <summary>The named HTTP client push delivery uses.</summary>
    public const string ClientName = "lianxin-event-push";

    /// <summary>Quick retries of one delivery inside the HTTP pipeline (exponential, with jitter, honouring <c>Retry-After</c>).</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The first quick retry's delay; each next one doubles.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Failed deliveries of one event (each after its quick retries) before it goes to the dead letters and the
    /// subscription is suspended. Between them the subscriber backs off exponentially up to <see cref="MaxBackoff"/>.
    /// </summary>
    public int RetryBudget { get; set; } = 12;

    /// <summary>The first backoff after a failed delivery; each next one doubles.</summary>
    public TimeSpan Backoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest backoff between failed deliveries.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often an idle subscriber looks for new events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Events read per page; the durable cursor is written after each page.</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>Events per request of a batch-mode subscription that names no batch size.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>The largest batch size a subscription may ask for.</summary>
    public const int MaxBatchSize = 1000;

    /// <summary>
    /// Endpoints on loopback, private, link-local or other non-public addresses, and plain http. Off by default (SSRF):
    /// only Development turns it on, for a receiver on the same machine.
    /// </summary>
    public bool AllowPrivateEndpoints { get; set; }

    /// <summary><c>EventFeed:AllowPrivateEndpoints</c> when set, else on in Development only.</summary>
    public static bool AllowsPrivate(Microsoft.Extensions.Configuration.IConfiguration configuration, bool isDevelopment) =>
        bool.TryParse(configuration[$"{Section}:{nameof(AllowPrivateEndpoints)}"], out var allow) ? allow : isDevelopment;
}
