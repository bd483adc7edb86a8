using Lianxin.Centers;
using Lianxin.Common;
using Microsoft.Extensions.Logging;
using Lianxin.Volunteers;
using Orleans.Utilities;

namespace Lianxin.Live;

/// <summary>
/// One scope's live feed. Publishes only mark items as changed (<see cref="LivePicture"/>); a timer cuts at most one
/// delta per <see cref="FlushInterval"/>, so a burst of a thousand changes becomes a few deltas a second carrying the
/// latest version of each changed item, written once in each protocol version. Observers (one per web host and scope) lapse unless renewed within
/// <see cref="ObserverExpiry"/>. Nothing here is durable: a new activation rebuilds its picture (<see cref="LiveFeedSeed"/>)
/// and numbers its deltas from the clock, so they never repeat an earlier activation's numbers and every
/// client of the old activation sees a gap and takes a fresh snapshot.
/// </summary>
internal sealed partial class LiveFeedGrain(TimeProvider clock, ILogger<LiveFeedGrain> logger) : Grain, ILiveFeedGrain
{
    internal static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Web hosts renew every 30 s by default; four missed renewals end a subscription.</summary>
    internal static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<ILiveObserver> _observers = new(ObserverExpiry, logger);
    private LivePicture _picture = null!;
    private long _sequence;
    private DateTimeOffset _lastFlush = DateTimeOffset.MinValue;
    private readonly DeferredWork<LiveFeedGrain> _flush = new(static grain => grain.FlushAsync(), FlushInterval);

    private string Scope => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _sequence = now.ToUnixTimeMilliseconds() * 1000;
        _picture = new LivePicture(Scope);
        var items = await LiveFeedSeed.LoadAsync(GrainFactory, Scope, now);
        _picture.Seed(items, now);
        LogActivated(Scope, items.Count);
    }

    public Task PublishAsync(string itemKey, object item)
    {
        if (_picture.Publish(itemKey, item))
        {
            ScheduleFlush();
        }

        return Task.CompletedTask;
    }

    public Task PublishActivityAsync(string centerId, CenterActivityFigures figures, DateTimeOffset asOf)
    {
        if (_picture.PublishActivity(centerId, figures, asOf))
        {
            ScheduleFlush();
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string itemKey)
    {
        if (_picture.Remove(itemKey))
        {
            ScheduleFlush();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The picture as of the last delta: patches after it apply to exactly these items. Changes not cut yet are cut
    /// first, so a new subscriber never starts from a picture that misses what was already published.
    /// </summary>
    public async Task<LiveSnapshot> GetSnapshotAsync()
    {
        if (_picture.HasChanges)
        {
            await _flush.RunNowAsync(this);
        }

        return new LiveSnapshot(Scope, _sequence, _picture.Items);
    }

    public Task SubscribeAsync(ILiveObserver observer)
    {
        _observers.Subscribe(observer, observer);
        OpenPages.Opened(GrainFactory, Scope);
        if (_picture.HasChanges)
        {
            ScheduleFlush();
        }

        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ILiveObserver observer)
    {
        _observers.Unsubscribe(observer);
        if (_observers.Count == 0)
        {
            OpenPages.Closed(GrainFactory, Scope);
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        OpenPages.Closed(GrainFactory, Scope);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A feed nobody watches cuts nothing: cutting serializes and compares every changed item, a tenth of the host's
    /// work during kiosk ingest. The changes stay marked, and the first subscriber's snapshot or subscription cuts them.
    /// </summary>
    private void ScheduleFlush()
    {
        if (_flush.IsArmed || _observers.Count == 0)
        {
            return;
        }

        // Leading edge after a quiet spell (a lone change goes out at once), then one delta per interval.
        _flush.Request(this, _lastFlush + FlushInterval - clock.GetUtcNow());
    }

    private async Task FlushAsync()
    {
        var now = clock.GetUtcNow();
        if (!_picture.HasChanges || _picture.Cut(_sequence + 1, now) is not { } delta)
        {
            return;
        }

        (_sequence, _lastFlush) = (delta.Sequence, now);
        // One-way calls: a slow or dead web host never holds up the feed; a lost delta shows as a gap.
        await _observers.Notify(observer => observer.OnDeltaAsync(delta));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live feed {Scope} activated with {Items} items")]
    private partial void LogActivated(string scope, int items);
}
