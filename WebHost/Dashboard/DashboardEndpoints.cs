using Lianxin.WebHost.Security;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Dashboard;

/// <summary>
/// Serves the command-center dashboard and the volunteer page (built from <c>ClientApp/</c> into <c>wwwroot/</c>
/// by the WebHost build) and the settings they start from: <c>GET /api/v1/dashboard/settings</c>.
/// </summary>
public static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/volunteer", () => TypedResults.Redirect("/volunteer.html")).ExcludeFromDescription();
        app.MapGet("/api/v1/dashboard/settings", GetSettings)
            .WithTags("Dashboard")
            .WithSummary("What the dashboard starts from: the map tile server (if any), the default region, and whether demo sign-in is on.")
            .AllowAnonymous();
        return app;
    }

    private static DashboardSettings GetSettings(IOptions<DashboardOptions> options, IHostEnvironment environment, IConfiguration configuration) => new(
        string.IsNullOrWhiteSpace(options.Value.TileUrl) ? null : options.Value.TileUrl,
        options.Value.TileAttribution,
        options.Value.DefaultRegion,
        AuthConfiguration.DevTokensAllowed(environment, configuration));
}

/// <summary>The dashboard's start settings.</summary>
public sealed record DashboardSettings(string? TileUrl, string? TileAttribution, string? DefaultRegion, bool DevSignIn);
