using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.RateLimiting;
using Lianxin.Common;
using Lianxin.WebHost.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Lianxin.WebHost.Apis.Public;

/// <summary>
/// The public face of the centers, without signing in: <c>/api/v1/public/centers/{id}</c> and
/// <c>/api/v1/public/nearby</c>, read by the page at <c>/center.html</c> that people open from WeChat. Answers are
/// cached snapshots with an ETag, and each address has its own rate limit (<c>Limits:PublicPermitLimit</c>).
/// </summary>
public static class PublicCentersApi
{
    public const string RateLimitPolicy = "public-pages";

    public const int MaxMinutes = 60;

    public static WebApplicationBuilder AddPublicPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicPageOptions>().Bind(builder.Configuration.GetSection(PublicPageOptions.Section))
            .Validate(o => o.Problem() is null, "PublicPage: a setting is out of range (see docs/public-page.md).").ValidateOnStart();
        builder.Services.AddSingleton<PublicCenterPages>();
        builder.Services.AddSingleton<PublicCenterSnapshots>();
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, http =>
        {
            var limits = http.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter($"public:{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.PublicPermitLimit,
                Window = limits.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }));
        return builder;
    }

    public static RouteGroupBuilder MapPublicCentersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/public").WithTags("Public").AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy);
        // Center pages are served from their own snapshots (PublicCenterSnapshots), never waiting for a rebuild.
        group.MapGet("/centers/{id}", CenterAsync).Produces<PublicCenterView>()
            .WithSummary("A center's public page: address and map position, hours, functions, crowd level now and today by hour, upcoming activities with places left. No sign-in, no personal data.")
            .WithDescription("Send `If-None-Match` with the last `ETag` to get 304 when nothing changed. Answers are cached for `PublicPage:CacheDuration` (2 s).");
        group.MapGet("/nearby", NearbyAsync).CacheOutput(PublicPageCache.Instance)
            .WithSummary("Centers within a walk of a point (default 15 minutes, about 1,000 m), nearest first, with their crowd level.")
            .WithDescription("Distances are great-circle; walking minutes assume `PublicPage:WalkingMetersPerMinute` (1,000 m per 15 minutes).");
        return group;
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, NotFoundProblem>> CenterAsync(
        string id, HttpContext http, PublicCenterSnapshots snapshots, IOptions<PublicPageOptions> options)
    {
        if (await snapshots.GetAsync(id) is not { } page)
        {
            return ApiResults.NotFound($"Center '{id}' does not exist.");
        }

        return NotModified(http, page.ETag, options.Value)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(page.Body, "application/json; charset=utf-8");
    }

    private static async Task<Results<Ok<NearbyCenters>, StatusCodeHttpResult, ValidationProblem>> NearbyAsync(
        double? latitude, double? longitude, int? minutes, HttpContext http, PublicCenterPages pages, IOptions<JsonOptions> json, IOptions<PublicPageOptions> options)
    {
        var v = new Validation();
        var from = new GeoPoint(v.Required("latitude", latitude), v.Required("longitude", longitude));
        if (latitude is not null && longitude is not null && !from.IsValid)
        {
            v.Add("latitude", "Latitude and longitude must be a WGS84 position.");
        }

        if (minutes is < 1 or > MaxMinutes)
        {
            v.Add("minutes", $"Must be between 1 and {MaxMinutes}.");
        }

        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var found = await pages.NearbyAsync(from, minutes ?? 15);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(found, json.Value.SerializerOptions)), 0, 16)}\"";
        return NotModified(http, etag, options.Value) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(found);
    }

    /// <summary>Sets the answer's ETag (a hash of its JSON) and a short public cache lifetime; true when the client holds this answer already.</summary>
    private static bool NotModified(HttpContext http, string etag, PublicPageOptions options)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = $"public, max-age={(int)Math.Ceiling(options.CacheDuration.TotalSeconds)}";
        return http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*"));
    }
}
