namespace Lianxin.WebHost.Limits;

/// <summary>
/// What one caller may ask of the host (section <c>Limits</c>). The defaults are far above what kiosks, dashboards,
/// the demo simulator and the benchmarks send, so they only stop runaway or hostile clients; docs/limits.md explains each.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>The rate-limit window: each caller gets its permits afresh every window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests per window for one kiosk on the kiosk protocol (partitioned by the kiosk id of its device key).</summary>
    public int KioskPermitLimit { get; set; } = 1_000;

    /// <summary>Requests per window for one signed-in caller (partitioned by the token's <c>sub</c>).</summary>
    public int UserPermitLimit { get; set; } = 1_000;

    /// <summary>
    /// Requests per window for one remote address without a token. High on purpose: during an emergency thousands of
    /// phones answer with reply tokens, many of them behind one carrier NAT address.
    /// </summary>
    public int AnonymousPermitLimit { get; set; } = 100_000;

    /// <summary>
    /// Requests per window for one remote address on the public center page (<c>/api/v1/public/…</c>), on top of
    /// <see cref="AnonymousPermitLimit"/>: the page polls every few seconds, and many phones share a carrier address.
    /// </summary>
    public int PublicPermitLimit { get; set; } = 300;

    /// <summary>The largest request body Kestrel reads; a larger one is answered 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest message a live-hub client may send; a larger one closes that connection.</summary>
    public long MaxHubMessageBytes { get; set; } = 32 * 1024;

    /// <summary>The most events one kiosk batch may hold.</summary>
    public int MaxKioskBatchEvents { get; set; } = 500;

    /// <summary>
    /// Failed sign-ins (bad token, unknown kiosk, wrong device key) one remote address may make per
    /// <see cref="FailedAuthenticationWindow"/>; beyond it requests carrying credentials from there are refused 429
    /// before authentication.
    /// </summary>
    public int FailedAuthenticationPermitLimit { get; set; } = 100;

    /// <summary>The window of <see cref="FailedAuthenticationPermitLimit"/>.</summary>
    public TimeSpan FailedAuthenticationWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Calls per window one signed-in caller may make over its live-hub connections (subscribe, snapshot, unsubscribe).</summary>
    public int HubCallPermitLimit { get; set; } = 200;

    /// <summary>Journal writes (kiosk batches, roll-call answers) one web host lets wait at once; more are answered 503.</summary>
    public int MaxJournalWritesInFlight { get; set; } = 1_000;

    /// <summary>
    /// Whether kiosks' and signed-in callers' limits (requests and live-hub calls) are counted across every web host
    /// of the deployment (by an actor per caller) rather than by each host alone.
    /// </summary>
    public bool ShareAcrossHosts { get; set; } = true;

    /// <summary>How long a region-wide report or export is kept per route, query and caller scope (see <see cref="ReportCache"/>).</summary>
    public TimeSpan ReportCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Null when every limit is usable; otherwise what is wrong.</summary>
    public string? Problem() =>
        Window <= TimeSpan.Zero ? "Limits:Window must be positive."
        : KioskPermitLimit < 1 || UserPermitLimit < 1 || AnonymousPermitLimit < 1 || FailedAuthenticationPermitLimit < 1 || HubCallPermitLimit < 1 || MaxJournalWritesInFlight < 1 ? "Limits:*PermitLimit must be at least 1."
        : FailedAuthenticationWindow <= TimeSpan.Zero ? "Limits:FailedAuthenticationWindow must be positive."
        : MaxRequestBodyBytes < 1024 ? "Limits:MaxRequestBodyBytes must be at least 1024."
        : MaxHubMessageBytes < 1024 ? "Limits:MaxHubMessageBytes must be at least 1024."
        : MaxKioskBatchEvents < 1 ? "Limits:MaxKioskBatchEvents must be at least 1."
        : ReportCacheDuration <= TimeSpan.Zero ? "Limits:ReportCacheDuration must be positive."
        : PublicPermitLimit < 1 ? "Limits:PublicPermitLimit must be at least 1."
        : null;
}
