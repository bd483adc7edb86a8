using Microsoft.AspNetCore.Diagnostics;
using Orleans.Networking.Shared;
using Orleans.Runtime.Messaging;

namespace Lianxin.WebHost.Hosting;

/// <summary>
/// While the cluster fails over (a silo died, its actors are moving, a gateway is overloaded), a grain call fails
/// with one of Orleans' transient errors or times out, an actor's activation is canceled because it outlasted its time (it
/// replays its journal on a silo the failover has loaded), or the database does not answer. That is not the request's fault nor a bug: the answer is
/// 503 with <c>Retry-After</c>, so kiosks and phones re-send, which is safe for the writes they make (kiosk batches
/// by eventId, roll-call answers by token and request id).
/// </summary>
internal sealed partial class ClusterUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    private const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsTransient(exception, callerGone: http.RequestAborted.IsCancellationRequested))
        {
            return false;
        }

        // The route's pattern, not the path: paths carry person ids (ledgers, roll-call people) that logs must not hold.
        LogUnavailable(http.Request.Method, (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)", exception.GetType().Name);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The cluster is failing over",
                Detail = $"A cluster member is unavailable and its work is moving; whether this request took effect is unknown. Send it again in {RetryAfterSeconds} s.",
            },
        });
    }

    private static bool IsTransient(Exception exception, bool callerGone) => exception switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException or ClientNotAvailableException
            or ConnectionFailedException or SocketConnectionException or TimeoutException => true,
        // A canceled operation (an activation that outlasted its time) is the cluster's, unless the caller went away.
        OperationCanceledException => !callerGone,
        // An activity whose durable write failed is read again from the journal: the same retry answers it.
        Lianxin.Activities.ActivityUnavailableException => true,
        // The database did not answer (it is restarting, or a connection broke): every write here is idempotent.
        Lianxin.Common.DatabaseUnavailableException => true,
        // An actor that could not read its state to activate says so inside Orleans' own exception.
        OrleansException { InnerException: { } inner } => IsTransient(inner, callerGone),
        AggregateException { InnerExceptions.Count: 1 } aggregate => IsTransient(aggregate.InnerExceptions[0], callerGone),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Route} answered 503: the cluster is failing over ({Exception})")]
    private partial void LogUnavailable(string method, string route, string exception);
}
