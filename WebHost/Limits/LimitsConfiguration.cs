using System.Globalization;
using System.Threading.RateLimiting;
using Lianxin.WebHost.Apis;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Limits;

/// <summary>Per-kiosk and per-caller rate limits, the request body limit and the live hub's message limit, from <c>Limits</c>.</summary>
public static class LimitsConfiguration
{
    public static WebApplicationBuilder AddLianxinLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LimitsOptions>().Bind(builder.Configuration.GetSection(LimitsOptions.Section))
            .Validate(o => o.Problem() is null, "Limits: every limit must be positive (see docs/limits.md).").ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((k, l) => k.Limits.MaxRequestBodySize = l.Value.MaxRequestBodyBytes);
        builder.Services.AddOptions<HubOptions>().PostConfigure<IOptions<LimitsOptions>>((h, l) => h.MaximumReceiveMessageSize = l.Value.MaxHubMessageBytes);
        builder.Services.AddSingleton<HubCallLimit>();
        builder.Services.AddSingleton<SharedRateLimit>();
        builder.Services.AddSingleton<JournalWriteBackpressure>();
        builder.Services.AddOptions<HubOptions>().Configure(h => h.AddFilter<HubCallLimit>());
        builder.Services.AddSingleton<FailedAuthentications>();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartitions.For(http, http.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value));
            o.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>Bounds the journal writes this host lets wait at once (see <see cref="JournalWriteBackpressure"/>).</summary>
    public static TBuilder WithJournalWriteBackpressure<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder
    {
        endpoint.AddEndpointFilter((context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<JournalWriteBackpressure>().InvokeAsync(context, next));
        endpoint.Add(Refusal.DeclareOn<UnavailableProblem>);
        return endpoint;
    }

    /// <summary>Before authentication: failed sign-ins are limited per address before any credential is checked.</summary>
    public static IApplicationBuilder UseAuthenticationAttemptLimit(this IApplicationBuilder app) =>
        app.UseMiddleware<AuthenticationAttemptLimit>();

    /// <summary>After authorization, so a kiosk's requests count against the kiosk its key proved.</summary>
    public static WebApplication UseLianxinLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestBodyLimit>();
        app.UseRateLimiter();
        app.UseMiddleware<SharedRateLimitMiddleware>();
        return app;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var window = http.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.Window;
        var after = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        await TooManyRequests.WriteAsync(http, after, "Too many requests",
            seconds => $"This caller sent more requests than its limit allows; retry after {seconds} s.");
    }
}
