using Lianxin.Centers;
using Lianxin.Common;
using Microsoft.Extensions.Logging;
using Lianxin.Volunteers;
using Orleans.Utilities;

namespace Lianxin.Live;

/// <summary>
/// One scope's live feed. Publishes only mark items as changed (<see cref="LivePicture"/>); a timer cuts at most one
/// version-2 patch per <see cref="PatchInterval"/> and one version-1 delta per <see cref="DeltaInterval"/>, so a burst
/// of a thousand changes becomes a few messages a second carrying the latest version of each changed item, each
/// written once. Observers (one per web host and scope) lapse unless renewed within
/// <see cref="ObserverExpiry"/>. Nothing here is durable: a new activation rebuilds its picture (<see cref="LiveFeedSeed"/>)
/// and numbers its messages from the clock, so they never repeat an earlier activation's numbers and every
/// client of the old activation sees a gap and takes a fresh snapshot.
/// </summary>
internal sealed partial class LiveFeedGrain(TimeProvider clock, ILogger<LiveFeedGrain> logger) : Grain, ILiveFeedGrain
{
    /// <summary>
    /// How long a change can wait for the next patch, and so most of its way from a kiosk to a screen under load
    /// (BENCHMARKS.md (2b)): patches carry a few dozen bytes per changed center, so twenty a second cost little.
    /// </summary>
    internal static readonly TimeSpan PatchInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Version 1 re-sends changed items whole and promises at most one delta per 100 ms (docs/live-protocol.md).</summary>
    internal static readonly TimeSpan DeltaInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Web hosts renew every 30 s by default; four missed renewals end a subscription.</summary>
    internal static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<ILiveObserver> _observers = new(ObserverExpiry, logger);
    private LivePicture _picture = null!;
    private long _patchSequence;
    private long _deltaSequence;
    private DateTimeOffset _lastPatch = DateTimeOffset.MinValue;
    private DateTimeOffset _lastDelta = DateTimeOffset.MinValue;
    private DateTimeOffset _flushDue;
    private readonly DeferredWork<LiveFeedGrain> _flush = new(static grain => grain.FlushAsync(), PatchInterval);

    private string Scope => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _patchSequence = _deltaSequence = now.ToUnixTimeMilliseconds() * 1000;
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
    /// The picture as of the last patch and delta: the messages after them apply to exactly these items. Changes not
    /// sent yet are sent first, so a new subscriber never starts from a picture that misses what was already published.
    /// </summary>
    public async Task<LiveSnapshot> GetSnapshotAsync()
    {
        if (_picture.HasChanges || _picture.HasDeltaChanges)
        {
            _flush.Cancel();
            await CutAsync(patchDue: true, deltaDue: true);
            ScheduleFlush();
        }

        return new LiveSnapshot(Scope, _deltaSequence, _picture.Items, _patchSequence);
    }

    public Task SubscribeAsync(ILiveObserver observer)
    {
        _observers.Subscribe(observer, observer);
        OpenPages.Opened(GrainFactory, Scope);
        ScheduleFlush();
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
        if (_observers.Count == 0)
        {
            return;
        }

        // Leading edge after a quiet spell (a lone change goes out at once), then one message per interval and version.
        var due = DateTimeOffset.MaxValue;
        if (_picture.HasChanges)
        {
            due = _lastPatch + PatchInterval;
        }

        if (_picture.HasDeltaChanges && _lastDelta + DeltaInterval < due)
        {
            due = _lastDelta + DeltaInterval;
        }

        // A timer armed for the next version-1 delta may be later than the patch a new change is due in.
        if (due == DateTimeOffset.MaxValue || (_flush.IsArmed && _flushDue <= due))
        {
            return;
        }

        _flush.Cancel();
        _flushDue = due;
        _flush.Request(this, due - clock.GetUtcNow());
    }

    private async Task FlushAsync()
    {
        var now = clock.GetUtcNow();
        await CutAsync(patchDue: now >= _lastPatch + PatchInterval, deltaDue: now >= _lastDelta + DeltaInterval);
        ScheduleFlush();
    }

    /// <summary>
    /// Sends what is due: the patch first, so the delta after it holds everything patched so far. One-way calls: a slow
    /// or dead web host never holds up the feed; a lost message shows as a gap.
    /// </summary>
    private async Task CutAsync(bool patchDue, bool deltaDue)
    {
        var now = clock.GetUtcNow();
        if (patchDue && _picture.HasChanges)
        {
            _lastPatch = now;
            if (_picture.CutPatch(_patchSequence + 1, now) is { } patch)
            {
                _patchSequence = patch.Sequence;
                await _observers.Notify(observer => observer.OnPatchAsync(patch));
            }
        }

        if (deltaDue && _picture.CutDelta(_deltaSequence + 1) is { } delta)
        {
            (_deltaSequence, _lastDelta) = (delta.Sequence, now);
            await _observers.Notify(observer => observer.OnDeltaAsync(delta));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live feed {Scope} activated with {Items} items")]
    private partial void LogActivated(string scope, int items);
}
