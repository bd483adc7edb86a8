using Lianxin.WebHost.Apis.Alerts;
using Lianxin.WebHost.Apis.Kiosks;

namespace Lianxin.WebHost.Hosting;

/// <summary>What reaches emergencies from outside and what they show on screens: inbound CAP sources, kiosks' emergency mode.</summary>
public static class EmergencyInputsConfiguration
{
    public static WebApplicationBuilder AddEmergencyInputs(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<InboundAlertOptions>(builder.Configuration.GetSection(InboundAlertOptions.Section));
        builder.Services.AddSingleton<KioskEmergencyLookup>();
        return builder;
    }
}
