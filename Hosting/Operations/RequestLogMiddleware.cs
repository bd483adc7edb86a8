using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Lianxin.Hosting.Operations;

/// <summary>
/// One line per request: method, route template, status, duration and trace id. Never the path as sent, its query or
/// its body: paths and queries carry people's ids, and the route template says which endpoint it was all the same.
/// Probes are logged at Debug so that they do not drown the requests of users.
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            var level = TelemetryConfiguration.IsProbe(http.Request.Path) ? LogLevel.Debug : LogLevel.Information;
            LogRequest(level, http.Request.Method, route, http.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? "");
        }
    }

    [LoggerMessage(Message = "HTTP {Method} {Route} answered {Status} in {DurationMs:0.0} ms (trace {TraceId})")]
    private partial void LogRequest(LogLevel level, string method, string route, int status, double durationMs, string traceId);
}
