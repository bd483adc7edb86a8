using Lianxin.Silo.Hosting;

namespace Lianxin.WebHost.Demo;

/// <summary>Demo mode: the demo district is loaded unless <c>Demo:Enabled</c> is false, and kiosk traffic simulated unless <c>Demo:Simulate</c> is false.</summary>
public static class DemoConfiguration
{
    public static WebApplicationBuilder AddDemoDistrict(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Demo:Enabled", true))
        {
            builder.Services.AddSingleton<DemoDistrictLoader>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoDistrictLoader>());
            // A host serving a half-loaded district would answer "not found" for what is still coming: not ready yet.
            builder.Services.AddHealthChecks().AddCheck<DemoLoadHealthCheck>("demo", tags: [HealthEndpoints.ReadyTag]);
            builder.Services.AddHostedService<DemoScenarios>();
            if (builder.Configuration.GetValue("Demo:Simulate", true))
            {
                builder.Services.AddHostedService<DemoSimulation>();
            }
        }

        return builder;
    }
}
