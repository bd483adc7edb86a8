using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Hosting.Operations;

/// <summary>
/// The front of every host's pipeline: the client's real address from known proxies, the request log, and a recorded
/// request's trace carried into the actors it calls.
/// </summary>
public static class RequestPipeline
{
    /// <summary>Call first: everything after it (rate limits, the audit log, the request log) sees the real client.</summary>
    public static IApplicationBuilder UseLianxinRequestLogs(this IApplicationBuilder app)
    {
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var network = configuration.GetSection(NetworkOptions.Section).Get<NetworkOptions>() ?? new();
        if (network.TrustsProxies)
        {
            app.UseForwardedHeaders(ForwardedHeadersFrom(network));
        }

        if (configuration.GetValue("Logging:Requests", true))
        {
            app.UseMiddleware<RequestLogMiddleware>();
        }

        if (configuration.ReadTelemetryOptions().TracesOn)
        {
            app.Use(RecordedTrace.IntoActors);
        }

        return app;
    }

    internal static ForwardedHeadersOptions ForwardedHeadersFrom(NetworkOptions network)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = network.ForwardLimit,
        };

        // The defaults trust loopback; only what the deployment names is trusted here.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in network.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var cidr in network.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(cidr));
        }

        return options;
    }
}
