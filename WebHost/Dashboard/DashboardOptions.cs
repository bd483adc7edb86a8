namespace Lianxin.WebHost.Dashboard;

/// <summary>Command-center dashboard settings, bound from the <c>Dashboard</c> configuration section.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// A map tile server URL template (<c>https://…/{z}/{x}/{y}.png</c>). Without one the map draws only the
    /// district's own geometry, which needs no network.
    /// </summary>
    public string? TileUrl { get; set; }

    /// <summary>The attribution the tile server's licence asks for.</summary>
    public string? TileAttribution { get; set; }

    /// <summary>The region a dashboard opens when its URL names none.</summary>
    public string? DefaultRegion { get; set; }
}
