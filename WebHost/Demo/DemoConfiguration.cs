using Lianxin.Hosting;

namespace Lianxin.WebHost.Demo;

/// <summary>
/// Demo mode: the demo district is loaded only when <c>Demo:Enabled</c> is true (off by default), and kiosk traffic
/// simulated unless <c>Demo:Simulate</c> is false. Outside Development a host in demo mode warns at start.
/// </summary>
public static class DemoConfiguration
{
    public static WebApplicationBuilder AddDemoDistrict(this WebApplicationBuilder builder)
    {
        if (DemoMode.IsEnabled(builder.Configuration))
        {
            if (!builder.Environment.IsDevelopment())
            {
                builder.Services.AddHostedService<DemoModeWarning>();
            }

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
