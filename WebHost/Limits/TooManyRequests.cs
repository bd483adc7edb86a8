using System.Globalization;

namespace Lianxin.WebHost.Limits;

/// <summary>The one way a limit refuses: 429 with <c>Retry-After</c> in whole seconds and problem details.</summary>
internal static class TooManyRequests
{
    public static async Task WriteAsync(HttpContext http, TimeSpan retryAfter, string title, Func<int, string> detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = detail(seconds) },
        });
    }
}
