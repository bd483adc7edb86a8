namespace Lianxin.WebHost.Live;

/// <summary>Live push settings, bound from the <c>Live</c> configuration section.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often this web host renews its feed subscriptions; feeds drop a subscription after 2 minutes unrenewed.</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a delta that arrived ahead of a missing one waits for it (one-way messages may overtake each other)
    /// before it goes out anyway and the clients resync on the gap.
    /// </summary>
    public TimeSpan ReorderWindow { get; set; } = TimeSpan.FromMilliseconds(200);
}
