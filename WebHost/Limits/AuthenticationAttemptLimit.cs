using System.Globalization;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Limits;

/// <summary>
/// Runs before authentication: a kiosk credential from an address over its failed sign-ins is answered 429 before
/// any actor is asked about its kiosk id, unless that kiosk proved its key on this host before (see
/// <see cref="FailedAuthentications"/>). Bearer tokens are checked without any actor (a signature); one that fails
/// from such an address is answered 429 instead of 401 by the challenge, while a valid one from the same address
/// (a carrier NAT) passes.
/// </summary>
internal sealed class AuthenticationAttemptLimit(RequestDelegate next, FailedAuthentications failures, IOptions<LimitsOptions> limits)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith(Security.KioskAuthentication.SchemeName + " ", StringComparison.OrdinalIgnoreCase)
            && failures.IsBlocked(http.Connection.RemoteIpAddress)
            && !(Security.KioskAuthentication.KioskIdOf(header) is { } kioskId && failures.IsProvenKiosk(kioskId)))
        {
            await RefuseAsync(http, limits.Value);
            return;
        }

        await next(http);
    }

    /// <summary>429 with <c>Retry-After</c> and problem details: this address failed to sign in too often.</summary>
    public static Task RefuseAsync(HttpContext http, LimitsOptions limits) =>
        TooManyRequests.WriteAsync(http, limits.FailedAuthenticationWindow, "Too many failed sign-ins",
            seconds => $"Too many requests from this address failed to sign in; retry after {seconds} s.");
}
