using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.Ledger;
using Lianxin.Volunteers;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Lianxin.Activity;

/// <summary>Coalesced writes, reports to the center, the outbox of hours to ledgers, and the keep-alive reminder.</summary>
internal sealed partial class CenterActivityGrain
{
    /// <summary>A burst of kiosk events becomes one report to the center per this interval: the first hop of the dashboards' push.</summary>
    private static readonly TimeSpan ReportDelay = TimeSpan.FromMilliseconds(100);
    // Small: every delivery is a durable write, and 55 busy centers must not take every database connection at once.
    private const int DispatchBatch = 8;

    private bool _dirty;
    private bool _reminderRegistered;
    private IGrainTimer? _pendingWrite;
    private IGrainTimer? _pendingReport;
    private CenterActivityFigures? _lastReport;
    private Task? _writing;
    private string? _etag;
    private Task? _dispatching;
    /// <summary>Per kiosk, the position through which the stored state holds its events (set on activation: what was read is stored).</summary>
    private Dictionary<string, long> _durablePositions = [];

    /// <summary>Writes what is held in memory and answers once it is durable (staff corrections, deactivation).</summary>
    public async Task FlushAsync()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (_writing is { IsCompleted: false } inFlight)
            {
                await inFlight;
            }

            StartWrite();
            if (_writing is not { IsCompleted: false } && !_dirty)
            {
                return;
            }
        }

        // Still changing (a busy center) or failing: what this call covered is in the write awaited above or in the
        // next one, which the write timer starts.
        if (_writing is { IsCompleted: false } last)
        {
            await last;
        }
    }

    public async Task<long> ConfirmAsync(string kioskId, long sentThrough)
    {
        if (Marks.MustRecover(kioskId, sentThrough))
        {
            await RecoverAsync(kioskId, sentThrough);
            Changed();
        }

        return _durablePositions.GetValueOrDefault(kioskId);
    }

    /// <summary>
    /// Starts writing a snapshot of the state, unless a write is in flight or nothing changed. The snapshot is copied
    /// synchronously and the write runs outside any request, so kiosk calls are never queued behind the database.
    /// When it completes, the next write starts if more changed meanwhile.
    /// </summary>
    private void StartWrite()
    {
        _pendingWrite?.Dispose();
        _pendingWrite = null;
        if (_writing is { IsCompleted: false } || !_dirty)
        {
            return;
        }

        _dirty = false;
        var copy = _copier.Copy(State);
        _writing = WriteAsync(new GrainState<CenterActivityState>(copy, _etag ?? state.Etag), copy);
    }

    private async Task WriteAsync(GrainState<CenterActivityState> snapshot, CenterActivityState copy)
    {
        try
        {
            await _storage.WriteStateAsync(StorageNames.CenterActivityState, this.GetGrainId(), snapshot);
            _etag = snapshot.ETag;
            _durablePositions = copy.AppliedPositions;
        }
        catch (InconsistentStateException e)
        {
            // Another activation of this center wrote meanwhile (the cluster briefly had two after a silo died): what
            // this one holds has diverged from what is stored. It steps aside; the next activation reads the stored
            // state, and every kiosk's checkpoint makes it read again from the journal what that state lacks.
            LogDiverged(Id, e);
            this.DeactivateOnIdle();
            return;
        }
        catch (Exception e)
        {
            _dirty = true;
            LogWriteFailed(Id, e);
        }

        if (_dirty)
        {
            Changed();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAsync();
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            await ReportAsync();
            await ReportEvidenceAsync(now: true);
        }
    }

    /// <summary>Something changed: write within <see cref="KioskOptions.SnapshotInterval"/> and report within <see cref="ReportDelay"/>.</summary>
    private void Changed()
    {
        _dirty = true;
        _pendingWrite ??= this.RegisterGrainTimer(static (grain, _) =>
        {
            grain.StartWrite();
            return Task.CompletedTask;
        }, this, new GrainTimerCreationOptions(_options.SnapshotInterval, Timeout.InfiniteTimeSpan));
        ScheduleReport();
        PublishLive();
    }

    private void ScheduleReport() =>
        _pendingReport ??= this.RegisterGrainTimer(static (grain, _) => grain.ReportAsync(), this, new GrainTimerCreationOptions(ReportDelay, Timeout.InfiniteTimeSpan));

    /// <summary>The figures the center's card and its live feeds show, as of now.</summary>
    private CenterActivityFigures CurrentFigures()
    {
        var today = State.Days.GetValueOrDefault(_calendar.Day(clock.UtcNow));
        return new CenterActivityFigures(
            Book.InsideCount,
            today is null ? new Dictionary<BasicFunction, int>() : new Dictionary<BasicFunction, int>(today.CheckInsByPurpose),
            State.OpenHelpRequests.Count,
            State.Kiosks.Values.Count(k => k == KioskConnectivity.Online));
    }

    private async Task ReportAsync()
    {
        _pendingReport?.Dispose();
        _pendingReport = null;
        var figures = CurrentFigures();
        if (_lastReport is not null && Same(_lastReport, figures))
        {
            return;
        }

        await GrainFactory.GetGrain<ICenterGrain>(Id).ReportActivityAsync(figures);
        _lastReport = figures;
    }

    private static bool Same(CenterActivityFigures a, CenterActivityFigures b) =>
        a.PeopleInside == b.PeopleInside && a.OpenHelpRequests == b.OpenHelpRequests && a.KiosksOnline == b.KiosksOnline
        && a.CheckInsTodayByFunction.Count == b.CheckInsTodayByFunction.Count
        && a.CheckInsTodayByFunction.All(kv => b.CheckInsTodayByFunction.GetValueOrDefault(kv.Key) == kv.Value);

    /// <summary>A reminder brings the actor back after a restart, so overdue visits close and the day rolls over.</summary>
    private async Task EnsureReminderAsync()
    {
        if (!_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder("activity", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
            _reminderRegistered = true;
        }
    }

    /// <summary>
    /// Sends outbox items (hours) to the ledgers they concern, without waiting for the snapshot that holds them: a replay
    /// after a crash derives the same items again, and the ledger records each visit's hours once. Runs interleaved with kiosk calls (it
    /// waits on other actors); it only touches the outbox between its awaits.
    /// </summary>
    private Task DispatchOutboxAsync()
    {
        // Detached from the timer tick: deliveries wait on other actors' writes and must not hold up kiosk calls.
        if (_dispatching is not { IsCompleted: false })
        {
            _dispatching = DispatchRoundsAsync();
        }

        return Task.CompletedTask;
    }

    private async Task DispatchRoundsAsync()
    {
        for (var round = 0; round < 10 && await DispatchSomeAsync(); round++)
        {
        }
    }

    /// <summary>Delivers up to <see cref="DispatchBatch"/> items at once; false when there was nothing to deliver or a delivery failed.</summary>
    private async Task<bool> DispatchSomeAsync()
    {
        var due = State.Outbox.Take(DispatchBatch).ToList();
        var delivered = await Task.WhenAll(due.Select(async item =>
        {
            try
            {
                await DeliverAsync(item.Value);
                return true;
            }
            catch (Exception e)
            {
                LogDeliveryFailed(Id, item.Key, e);
                return false;
            }
        }));
        for (var i = 0; i < due.Count; i++)
        {
            if (delivered[i] && State.Outbox.TryGetValue(due[i].Key, out var current) && current.Version == due[i].Value.Version)
            {
                State.Outbox.Remove(due[i].Key);
                Changed();
            }
        }

        return due.Count > 0 && delivered.All(d => d);
    }

    /// <summary>Hours to the person's ledger. Items of older versions that carried duty are dropped: duty is told from presence now.</summary>
    private async Task DeliverAsync(OutboxItem item)
    {
        if (item.Hours is not { } hours)
        {
            return;
        }

        var ledger = GrainFactory.GetGrain<IPersonLedgerGrain>(item.PersonId);
        var result = item.Keep ? await ledger.KeepHoursAsync(hours) : await ledger.RecordHoursAsync(hours);
        if (result.Outcome == RegistryOutcome.Conflict)
        {
            State.HoursAwaiting.Remove(hours.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center activity {CenterId} could not be written; it is retried")]
    private partial void LogWriteFailed(string centerId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center activity {CenterId} was written by another activation; this one deactivates and the next reads the journal again")]
    private partial void LogDiverged(string centerId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center {CenterId} could not deliver {Item}; it is retried")]
    private partial void LogDeliveryFailed(string centerId, string item, Exception exception);
}
