namespace Lianxin.WebHost.Apis.Public;

/// <summary>The public center page (section <c>PublicPage</c>); its rate limit is <c>Limits:PublicPermitLimit</c>.</summary>
public sealed class PublicPageOptions
{
    public const string Section = "PublicPage";

    /// <summary>How long one answer is served from the host's cache (and by browsers): the crowd level is at most this much older than the centers' own figures.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upcoming activities shown per center.</summary>
    public int UpcomingActivities { get; set; } = 6;

    /// <summary>Walking distance per minute, metres: 1,000 m for the 15-minute circle (GB 50180-2018 gives 800–1,100 m).</summary>
    public double WalkingMetersPerMinute { get; set; } = 1000.0 / 15;

    /// <summary>Null when usable; otherwise what is wrong.</summary>
    public string? Problem() =>
        CacheDuration <= TimeSpan.Zero || CacheDuration > TimeSpan.FromMinutes(5) ? "PublicPage:CacheDuration must be between 0 and 5 minutes."
        : UpcomingActivities is < 0 or > 50 ? "PublicPage:UpcomingActivities must be between 0 and 50."
        : WalkingMetersPerMinute is <= 0 or > 500 ? "PublicPage:WalkingMetersPerMinute must be between 0 and 500."
        : null;
}
