using System.Threading.RateLimiting;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Limits;

/// <summary>
/// Who a request counts against: a kiosk (by the kiosk id its device key proved), else a signed-in caller (by
/// <c>sub</c>), else the remote address. Runs after authorization, so the kiosk scheme has set the user by then.
/// Kiosks and signed-in callers are counted across hosts (<see cref="SharedRateLimit"/>) unless
/// <c>Limits:ShareAcrossHosts</c> is false; addresses always per host (an actor per address would be a flood of its own).
/// </summary>
internal static class RateLimitPartitions
{
    private const string SharedPartition = "shared";

    public static RateLimitPartition<string> For(HttpContext http, LimitsOptions limits)
    {
        if (Authenticated(http, limits) is { } partition)
        {
            // Counted by SharedRateLimit instead: one no-limit partition for all of them, not one per caller, which this
            // limiter would create under its lock for each of a flash crowd's thousands of new callers.
            return limits.ShareAcrossHosts
                ? RateLimitPartition.GetNoLimiter(SharedPartition)
                : Window(partition.Key, partition.PermitLimit, limits.Window);
        }

        return Window($"ip:{http.Connection.RemoteIpAddress}", limits.AnonymousPermitLimit, limits.Window);
    }

    /// <summary>The kiosk's or signed-in caller's partition and its limit; null for an anonymous request.</summary>
    public static (string Key, int PermitLimit)? Authenticated(HttpContext http, LimitsOptions limits)
    {
        if (http.User.FindFirst(KioskAuthentication.KioskClaim)?.Value is { } kioskId)
        {
            return ($"kiosk:{kioskId}", limits.KioskPermitLimit);
        }

        return http.User.FindFirst(Caller.SubjectClaim)?.Value is { } subject ? ($"user:{subject}", limits.UserPermitLimit) : null;
    }

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
