using System.Threading.RateLimiting;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Limits;

/// <summary>
/// Who a request counts against: a kiosk (by the kiosk id its device key proved), else a signed-in caller (by
/// <c>sub</c>), else the remote address. Runs after authorization, so the kiosk scheme has set the user by then.
/// </summary>
internal static class RateLimitPartitions
{
    public static RateLimitPartition<string> For(HttpContext http, LimitsOptions limits)
    {
        if (http.User.FindFirst(KioskAuthentication.KioskClaim)?.Value is { } kioskId)
        {
            return Window($"kiosk:{kioskId}", limits.KioskPermitLimit, limits.Window);
        }

        if (http.User.FindFirst(Caller.SubjectClaim)?.Value is { } subject)
        {
            return Window($"user:{subject}", limits.UserPermitLimit, limits.Window);
        }

        return Window($"ip:{http.Connection.RemoteIpAddress}", limits.AnonymousPermitLimit, limits.Window);
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
