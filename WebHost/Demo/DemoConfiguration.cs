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
            builder.Services.AddHostedService<DemoScenarios>();
            if (builder.Configuration.GetValue("Demo:Simulate", true))
            {
                builder.Services.AddHostedService<DemoSimulation>();
            }
        }

        return builder;
    }
}
