using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Limits;

/// <summary>
/// Answers a request whose declared body is larger than the limit with 413 problem details before anything reads it.
/// A body without a declared length is cut by Kestrel while it is read; that error becomes 413 problem details in
/// the exception handler.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, IOptions<LimitsOptions> limits, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var max = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? limits.Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength is { } length && length > max)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            // The unread body is not worth draining: the connection ends after this answer.
            http.Response.Headers.Connection = "close";
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The body has {length} bytes; this host reads at most {max}.",
                },
            });
            return;
        }

        await next(http);
    }
}
