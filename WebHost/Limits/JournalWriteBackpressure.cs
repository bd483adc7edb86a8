using System.Globalization;
using System.Threading.RateLimiting;
using Lianxin.WebHost.Apis;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Limits;

/// <summary>
/// Bounds the journal writes one web host has waiting at once (kiosk batches, roll-call answers): beyond
/// <see cref="LimitsOptions.MaxJournalWritesInFlight"/> a request is answered 503 with <c>Retry-After</c> at once,
/// instead of joining a queue that grows without bound while PostgreSQL is slow. Both writes are idempotent, so the
/// kiosk or phone re-sends. The journal's own commit queue is bounded by this edge: no more than this many waiting
/// writes per web host ever reach it.
/// </summary>
internal sealed class JournalWriteBackpressure : IEndpointFilter, IDisposable
{
    private const int RetryAfterSeconds = 1;

    private readonly ConcurrencyLimiter _inFlight;

    public JournalWriteBackpressure(IOptions<LimitsOptions> limits) =>
        _inFlight = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = limits.Value.MaxJournalWritesInFlight, QueueLimit = 0 });

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var lease = _inFlight.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return new UnavailableProblem(
                $"This host has as many writes waiting as it accepts; nothing of this request was taken. Send it again in {RetryAfterSeconds} s.",
                title: "Busy");
        }

        return await next(context);
    }

    public void Dispose() => _inFlight.Dispose();
}
