using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Limits;

/// <summary>
/// Region-wide reports and exports read every center of a subtree; a burst of the same request (a dashboard left on
/// reload, a script, an attacker) would read it again each time. Their answers are kept for
/// <c>Limits:ReportCacheDuration</c> per route, query and caller scope, and concurrent misses wait for the first
/// (output caching's request locking), so a burst costs one computation. The key holds the caller's role and scope
/// because the handler checks access: a cached answer is only ever served to a caller the handler answered it for,
/// or one with exactly the same role and scope. Only 200 answers are kept; refusals are decided afresh.
/// </summary>
public static class ReportCache
{
    /// <summary>The tag every cached report carries: a governance write on this host drops them all.</summary>
    public const string Tag = "region-reports";

    public static WebApplicationBuilder AddLianxinReportCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(o =>
        {
            // Ids are case-sensitive: region "a" and region "A" are two regions, never one cache entry.
            o.UseCaseSensitivePaths = true;
            o.SizeLimit = 64 * 1024 * 1024;
            o.MaximumBodySize = 16 * 1024 * 1024;
        });
        return builder;
    }

    /// <summary>After the rate limiter: a cached answer still counts against the caller's allowance.</summary>
    public static WebApplication UseLianxinReportCache(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }

    /// <summary>Caches the group's region-wide reads (<c>/regions/{id}/…</c>) and yearly center reports.</summary>
    public static TBuilder CacheRegionReports<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } pattern } && IsReport(pattern))
            {
                endpoint.Metadata.Add(ReportCachePolicy.Instance);
            }
        });
        return builder;
    }

    /// <summary>Drops this host's cached reports after a change they show (other hosts' expire with their lifetime).</summary>
    public static async Task EvictAsync(HttpContext http) =>
        await http.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag, CancellationToken.None);

    internal static bool IsReport(string pattern) =>
        pattern.Contains("/regions/{id}/", StringComparison.Ordinal) || pattern.Contains("/reports/{year", StringComparison.Ordinal);

    private sealed class ReportCachePolicy : IOutputCachePolicy
    {
        public static readonly ReportCachePolicy Instance = new();

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var caller = Caller.From(http.User);
            var cacheable = caller is not null && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            if (cacheable)
            {
                context.CacheVaryByRules.QueryKeys = "*";
                context.CacheVaryByRules.VaryByValues["caller"] = $"{caller!.RoleName}|{caller.ScopeId}";
                context.ResponseExpirationTimeSpan = http.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.ReportCacheDuration;
                context.Tags.Add(Tag);
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
