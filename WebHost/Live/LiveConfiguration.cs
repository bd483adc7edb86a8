using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lianxin.WebHost.Live;

/// <summary>The live hub and the link from the feed grains to it.</summary>
public static class LiveConfiguration
{
    public const string HubPath = "/hubs/live";

    public static WebApplicationBuilder AddLianxinLive(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<LiveOptions>(builder.Configuration.GetSection(LiveOptions.Section));
        builder.Services.Configure<Dashboard.DashboardOptions>(builder.Configuration.GetSection(Dashboard.DashboardOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LiveScopeAccess>();
        builder.Services.AddSingleton<LiveSubscriptions>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveSubscriptions>());
        // The feeds write version-2 patches with the same options, so they match the snapshot's items.
        builder.Services.AddSignalR().AddJsonProtocol(o => Lianxin.Live.LiveJson.Configure(o.PayloadSerializerOptions));
        return builder;
    }

    public static WebApplication MapLianxinLive(this WebApplication app)
    {
        // A connection does not outlive its token: it is closed when the token it was opened with expires, and the
        // client reconnects with a fresh one (whose scope is checked again on every Subscribe).
        app.MapHub<LiveHub>(HubPath, o => o.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
