using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Limits;

/// <summary>Refuses a kiosk's or signed-in caller's request over its allowance counted across every web host.</summary>
internal sealed class SharedRateLimitMiddleware(RequestDelegate next, SharedRateLimit shared, IOptions<LimitsOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var limits = options.Value;
        if (limits.ShareAcrossHosts && RateLimitPartitions.Authenticated(http, limits) is { } partition
            && !await shared.TryAcquireAsync(partition.Key, partition.PermitLimit, http.RequestAborted))
        {
            await TooManyRequests.WriteAsync(http, shared.UntilNextWindow, "Too many requests",
                seconds => $"This caller sent more requests than its limit allows; retry after {seconds} s.");
            return;
        }

        await next(http);
    }
}
