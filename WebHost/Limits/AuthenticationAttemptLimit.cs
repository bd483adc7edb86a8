using System.Globalization;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Limits;

/// <summary>
/// Runs before authentication: a request that carries credentials from an address over its failed sign-ins is
/// answered 429 before its token is read or any actor is asked about its kiosk key. Requests without credentials
/// (answers with a reply token, health probes) pass: they count against the ordinary per-address limit.
/// A kiosk that proved its key on this host is let through to its own check (see <see cref="FailedAuthentications"/>).
/// </summary>
internal sealed class AuthenticationAttemptLimit(RequestDelegate next, FailedAuthentications failures, IOptions<LimitsOptions> limits)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var carriesCredentials = header.Length > 0 || http.Request.Query.ContainsKey("access_token");
        if (carriesCredentials && failures.IsBlocked(http.Connection.RemoteIpAddress) && !IsProvenKiosk(header))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(limits.Value.FailedAuthenticationWindow.TotalSeconds));
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many failed sign-ins",
                    Detail = $"Too many requests from this address failed to sign in; retry after {seconds} s.",
                },
            });
            return;
        }

        await next(http);
    }

    private bool IsProvenKiosk(string header) =>
        Security.KioskAuthentication.KioskIdOf(header) is { } kioskId && failures.IsProvenKiosk(kioskId);
}
