using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Apis.Public;

/// <summary>
/// Public answers are the same for everyone, so one cached answer per route and query serves every phone for
/// <see cref="PublicPageOptions.CacheDuration"/>, signed in or not; concurrent misses wait for the first (request
/// locking). A request whose <c>If-None-Match</c> names the cached answer's ETag is answered 304 from the cache.
/// Only 200 answers are kept.
/// </summary>
internal sealed class PublicPageCache : IOutputCachePolicy
{
    public const string Tag = "public-pages";

    public static readonly PublicPageCache Instance = new();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (cacheable)
        {
            context.CacheVaryByRules.QueryKeys = "*";
            context.ResponseExpirationTimeSpan = http.RequestServices.GetRequiredService<IOptions<PublicPageOptions>>().Value.CacheDuration;
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
