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
/// A signed-in caller's calls are counted across every web host (<see cref="SharedRateLimit"/>, partition
/// <c>hub:{sub}</c>) unless <c>Limits:ShareAcrossHosts</c> is false.
/// </summary>
internal sealed class HubCallLimit : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _calls;
    private readonly TimeSpan _window;
    private readonly SharedRateLimit _shared;
    private readonly LimitsOptions _options;

    public HubCallLimit(IOptions<LimitsOptions> limits, SharedRateLimit shared)
    {
        var options = limits.Value;
        (_window, _shared, _options) = (options.Window, shared, options);
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
        var subject = invocationContext.Context.User?.FindFirst(Caller.SubjectClaim)?.Value;
        if (!(_options.ShareAcrossHosts && subject is not null
            ? await _shared.TryAcquireAsync($"hub:{subject}", _options.HubCallPermitLimit, invocationContext.Context.ConnectionAborted)
            : Acquire(subject is null ? $"connection:{invocationContext.Context.ConnectionId}" : $"user:{subject}")))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(_window.TotalSeconds));
            throw new HubException(string.Create(CultureInfo.InvariantCulture, $"Too many calls on the live hub; retry after {seconds} s."));
        }

        return await next(invocationContext);
    }

    public void Dispose() => _calls.Dispose();

    private bool Acquire(string caller)
    {
        using var lease = _calls.AttemptAcquire(caller);
        return lease.IsAcquired;
    }
}
