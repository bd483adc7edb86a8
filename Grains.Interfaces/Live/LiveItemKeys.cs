namespace Lianxin.Live;

/// <summary>Keys of the items in a feed: one per thing a scope shows.</summary>
public static class LiveItemKeys
{
    /// <summary>The totals of a region (a <see cref="RegionSummary"/>).</summary>
    public const string Summary = "summary";

    /// <summary>The live card of one center (a <see cref="CenterCard"/>), in its own scope and its regions'.</summary>
    public static string Center(string centerId) => $"center:{centerId}";
}
