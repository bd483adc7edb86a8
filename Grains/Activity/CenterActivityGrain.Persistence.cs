using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.Volunteers;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Lianxin.Activity;

/// <summary>Coalesced writes, reports to the center, and the keep-alive reminder.</summary>
internal sealed partial class CenterActivityGrain
{
    /// <summary>A burst of kiosk events becomes one report to the center per this interval: the first hop of the dashboards' push.</summary>
    private static readonly TimeSpan ReportDelay = TimeSpan.FromMilliseconds(100);
    private readonly DeferredWork<CenterActivityGrain> _write = new(static grain =>
    {
        grain.StartWrite();
        return Task.CompletedTask;
    }, options.Value.SnapshotInterval, spread: true);

    private readonly DeferredWork<CenterActivityGrain> _report = new(static grain => grain.ReportAsync(), ReportDelay);
    private bool _dirty;
    private bool _reminderRegistered;
    private CenterActivityFigures? _lastReport;
    private Task? _writing;
    private string? _etag;
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
    /// in the actor's turn (about 2 ms for a day of 20,000 visits) and serialized and written outside it (about 17 ms
    /// for the same day), so kiosk calls queue behind neither the serializer nor the database.
    /// When it completes, the next write starts if more changed meanwhile.
    /// </summary>
    private void StartWrite()
    {
        _write.Cancel();
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
        var id = this.GetGrainId();
        try
        {
            // On the thread pool: the storage serializes the snapshot before it queues the write, and in the actor's
            // turn the center's kiosks waited for it. The copy is the snapshot's own; after the await this method runs
            // in the actor's turn again.
            await Task.Run(() => _storage.WriteStateAsync(StorageNames.CenterActivityState, id, snapshot));
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
        _write.Request(this);
        ScheduleReport();
        PublishLive();
    }

    private void ScheduleReport() => _report.Request(this);

    /// <summary>The figures the center's card and its live feeds show, as of now.</summary>
    private CenterActivityFigures CurrentFigures()
    {
        var today = State.Days.GetValueOrDefault(_calendar.Day(clock.GetUtcNow()));
        return new CenterActivityFigures(
            Book.InsideCount,
            today is null ? new Dictionary<BasicFunction, int>() : new Dictionary<BasicFunction, int>(today.CheckInsByPurpose),
            State.OpenHelpRequests.Count,
            State.Kiosks.Values.Count(k => k == KioskConnectivity.Online));
    }

    private async Task ReportAsync()
    {
        _report.Cancel();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center activity {CenterId} could not be written; it is retried")]
    private partial void LogWriteFailed(string centerId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center activity {CenterId} was written by another activation; this one deactivates and the next reads the journal again")]
    private partial void LogDiverged(string centerId, Exception exception);
}
