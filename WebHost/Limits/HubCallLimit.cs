using System.Globalization;
using System.Threading.RateLimiting;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Limits;

/// <summary>
/// Rate limits calls made over an open live-hub connection, which the HTTP rate limiter never sees: each signed-in
/// caller (by <c>sub</c>, across all its connections) gets <see cref="LimitsOptions.HubCallPermitLimit"/> calls per
/// window. A call over the limit fails with a <see cref="HubException"/> that says when to retry; the connection stays.
/// </summary>
internal sealed class HubCallLimit : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _calls;
    private readonly TimeSpan _window;

    public HubCallLimit(IOptions<LimitsOptions> limits)
    {
        var options = limits.Value;
        _window = options.Window;
        _calls = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.HubCallPermitLimit,
            Window = options.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var caller = invocationContext.Context.User?.FindFirst(Caller.SubjectClaim)?.Value is { } subject
            ? $"user:{subject}"
            : $"connection:{invocationContext.Context.ConnectionId}";
        using var lease = _calls.AttemptAcquire(caller);
        if (!lease.IsAcquired)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(_window.TotalSeconds));
            throw new HubException(string.Create(CultureInfo.InvariantCulture, $"Too many calls on the live hub; retry after {seconds} s."));
        }

        return await next(invocationContext);
    }

    public void Dispose() => _calls.Dispose();
}
