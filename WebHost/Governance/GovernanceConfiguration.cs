using Lianxin.Governance;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lianxin.WebHost.Governance;

/// <summary>Registers governance: settings and the demo district's residential points.</summary>
public static class GovernanceConfiguration
{
    public static WebApplicationBuilder AddGovernance(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GovernanceOptions.Section).Get<GovernanceOptions>() ?? new();
        if (!double.IsFinite(options.WalkingDistanceMeters) || options.WalkingDistanceMeters is < WalkingDistance.Min or > WalkingDistance.Max)
        {
            throw new InvalidOperationException($"Governance:WalkingDistanceMeters must be between {WalkingDistance.Min} and {WalkingDistance.Max}.");
        }

        builder.Services.AddSingleton(options);
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (Demo.DemoMode.IsEnabled(builder.Configuration))
        {
            builder.Services.AddSingleton<ResidentialPointsDemoLoader>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ResidentialPointsDemoLoader>());
        }

        return builder;
    }
}

/// <summary>The walking distances a service-circle query may ask for.</summary>
public static class WalkingDistance
{
    public const double Min = 100;

    public const double Max = 5000;
}
