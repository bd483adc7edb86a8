using Lianxin.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Live;

/// <summary>
/// This web host's subscriptions to the feed grains: one observer per scope, however many of its SignalR
/// connections watch that scope, counted so the last one to leave ends it. Feeds forget observers that are not
/// renewed, so a loop renews every subscription each <see cref="LiveOptions.RenewInterval"/>; a renewal also
/// reactivates a feed lost with a silo, whose new numbering makes the clients resync.
/// </summary>
public sealed partial class LiveSubscriptions(
    IGrainFactory grains,
    IHubContext<LiveHub, ILiveClient> hub,
    IOptions<LiveOptions> options,
    TimeProvider clock,
    ILogger<LiveSubscriptions> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Subscription> _byScope = new(StringComparer.Ordinal);

    /// <summary>The scopes this web host holds a feed subscription for.</summary>
    public IReadOnlyCollection<string> Scopes
    {
        get
        {
            _gate.Wait();
            try
            {
                return [.. _byScope.Keys];
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>One more connection watches the scope; the first one subscribes this host to the feed.</summary>
    public async Task AcquireAsync(string scope)
    {
        await _gate.WaitAsync();
        try
        {
            if (_byScope.TryGetValue(scope, out var held))
            {
                held.Connections++;
                return;
            }

            var observer = new LiveObserver(scope, hub, options.Value.ReorderWindow, clock);
            var reference = grains.CreateObjectReference<ILiveObserver>(observer);
            await Feed(scope).SubscribeAsync(reference);
            _byScope[scope] = new Subscription(observer, reference) { Connections = 1 };
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One connection less watches the scope; the last one ends this host's subscription.</summary>
    public async Task ReleaseAsync(string scope)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_byScope.TryGetValue(scope, out var held) || --held.Connections > 0)
            {
                return;
            }

            _byScope.Remove(scope);
            held.Observer.Dispose();
            try
            {
                await Feed(scope).UnsubscribeAsync(held.Reference);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // The feed forgets an unrenewed observer by itself.
                LogUnsubscribeFailed(e, scope);
            }

            grains.DeleteObjectReference<ILiveObserver>(held.Reference);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RenewInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RenewAllAsync();
        }
    }

    private async Task RenewAllAsync()
    {
        List<(string Scope, ILiveObserver Reference)> held;
        await _gate.WaitAsync();
        try
        {
            held = [.. _byScope.Select(s => (s.Key, s.Value.Reference))];
        }
        finally
        {
            _gate.Release();
        }

        foreach (var (scope, reference) in held)
        {
            try
            {
                await Feed(scope).SubscribeAsync(reference);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                LogRenewFailed(e, scope);
            }
        }
    }

    private ILiveFeedGrain Feed(string scope) => grains.GetGrain<ILiveFeedGrain>(scope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the live subscription to {Scope} failed; retrying at the next renewal")]
    private partial void LogRenewFailed(Exception exception, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unsubscribing from {Scope} failed; the feed drops the observer when it lapses")]
    private partial void LogUnsubscribeFailed(Exception exception, string scope);

    /// <summary>The observer object must stay referenced here: Orleans holds object references weakly.</summary>
    private sealed class Subscription(LiveObserver observer, ILiveObserver reference)
    {
        public LiveObserver Observer { get; } = observer;

        public ILiveObserver Reference { get; } = reference;

        public int Connections { get; set; }
    }
}
