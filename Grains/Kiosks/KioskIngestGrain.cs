using System.Diagnostics;
using Lianxin.Activity;
using Lianxin.Common;
using Lianxin.Common.Journal;
using Lianxin.HelpRequests;
using Lianxin.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lianxin.Kiosks;

/// <summary>
/// A kiosk's ingest: journal first (the acknowledgement), then apply what the journal holds beyond the applied
/// position, in position order. Center activity writes coalesced; every few seconds the kiosk asks it how far it is
/// durable (recovering from the journal what it lost with a silo) and records its own applied position no further, so a
/// crash replays at most those seconds, which the actors recognise (<see cref="Common.Journal.ReplayMarks"/>). Ledgers
/// and kiosk health write each redemption and fault before answering.
/// The kiosk is its stream's only writer, so what an append stored is exactly what lies beyond the applied position:
/// it is applied from memory, and the journal is read back only on activation or after an apply failed.
/// Opening a help request writes a new actor's state: the answer does not wait for it (the event is journaled), and
/// the checkpoint records no further than an open still running, so a failed open is replayed rather than lost.
/// A durable reminder, held from an activation's first batch until the kiosk is quiet and everything is checkpointed,
/// brings the kiosk back when its silo dies with acknowledged events not yet applied durably: without it they would
/// wait for the kiosk's next batch, which a kiosk that has just lost power never sends.
/// </summary>
internal sealed partial class KioskIngestGrain(
    [PersistentState(StorageNames.KioskIngestState, StorageNames.Live)] IPersistentState<KioskIngestState> state,
    IEventJournal journal,
    [FromKeyedServices(CentersClock.Key)] TimeProvider clock,
    IOptions<KioskOptions> options,
    ILogger<KioskIngestGrain> logger) : Grain, IKioskIngestGrain, IRemindable
{
    private const int ReadPage = 1000;
    private const int RejectionMemory = 500;

    /// <summary>
    /// How often a batch tells the kiosk's health that it is alive: connectivity is judged in minutes
    /// (<see cref="KioskOptions.DegradedAfter"/>), so one call every few seconds says the same as one per batch did.
    /// </summary>
    private static readonly TimeSpan TrafficReportInterval = TimeSpan.FromSeconds(10);

    private readonly List<(long Position, Task Open)> _opening = [];
    private Task? _checkpointing;
    private ApplyProgress _progress = new(0, 0, 0);
    private DateTimeOffset? _trafficReportedAt;

    /// <summary>False while journaled events may lie beyond the applied position that this activation did not just store.</summary>
    private bool _caughtUp;

    private string KioskId => this.GetPrimaryKeyString();

    private KioskIngestState State => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _progress = new ApplyProgress(State.AppliedPosition, State.Accepted, State.Rejected);
        var replayed = await CatchUpAsync();
        if (replayed.Count > 0)
        {
            LogReplayed(KioskId, replayed.Count);
        }

        var every = options.Value.CheckpointInterval;
        // Interleaved: batches keep flowing while the checkpoint waits for the actors' writes and its own.
        this.RegisterGrainTimer(static (grain, _) => grain.CheckpointAsync(), this, new GrainTimerCreationOptions(Stagger.FirstDue(every), every) { Interleave = true });
    }

    /// <summary>
    /// On an idle deactivation the kiosk checkpoints. When the silo shuts down the actors it would flush are going
    /// away themselves (and flush on their own): the checkpoint is skipped, and the next activation replays the rest.
    /// </summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        reason.ReasonCode == DeactivationReasonCode.ShuttingDown ? Task.CompletedTask : CheckpointAsync();

    public async Task<IReadOnlyList<EventOutcome>> IngestAsync(string centerId, IReadOnlyList<KioskEvent> events)
    {
        var started = Stopwatch.GetTimestamp();
        // Any valid upload is a sign of life, heartbeat or not; told from here, the web host makes one call per batch.
        var seen = ReportTrafficAsync();
        var recoverable = EnsureRecoveryReminderAsync();
        long[] stored;
        try
        {
            stored = await journal.AppendAsync(KioskEventCodec.Encode(KioskId, centerId, events));
            // Nothing is acknowledged before the reminder that would apply it after a crash is durable.
            await recoverable;
        }
        catch
        {
            // Whether the batch was stored is unknown: a fresh activation replays whatever the journal holds.
            this.DeactivateOnIdle();
            seen.Ignore();
            recoverable.Ignore();
            throw;
        }

        var journaled = Stopwatch.GetTimestamp();
        KioskMetrics.PhaseDuration.Record(Stopwatch.GetElapsedTime(started, journaled).TotalSeconds, new KeyValuePair<string, object?>("phase", "journal"));
        var applied = _caughtUp ? await ApplyStoredAsync(centerId, events, stored) : await CatchUpAsync();
        KioskMetrics.PhaseDuration.Record(Stopwatch.GetElapsedTime(journaled).TotalSeconds, new KeyValuePair<string, object?>("phase", "apply"));
        var outcomes = new EventOutcome[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var id = events[i].EventId;
            outcomes[i] = stored[i] > 0
                ? applied.GetValueOrDefault(id) ?? EventOutcome.Accepted(id)
                : State.RecentRejections.TryGetValue(id, out var reason)
                    ? EventOutcome.Rejected(id, reason)
                    : new EventOutcome(id, EventStatus.Duplicate);
        }

        var duplicates = stored.Count(s => s == 0);
        State.Duplicates += duplicates;
        State.LastBatchAt = clock.GetUtcNow();
        KioskMetrics.Events.Add(duplicates, new KeyValuePair<string, object?>("status", "duplicate"));
        KioskMetrics.BatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        await seen;
        return outcomes;
    }

    private Task ReportTrafficAsync()
    {
        var now = clock.GetUtcNow();
        if (_trafficReportedAt is { } last && now - last < TrafficReportInterval && now >= last)
        {
            return Task.CompletedTask;
        }

        _trafficReportedAt = now;
        return GrainFactory.GetGrain<IKioskHealthGrain>(KioskId).RecordTrafficAsync(now);
    }

    public async Task<KioskIngestStats> GetStatsAsync()
    {
        await CatchUpAsync();
        return new KioskIngestStats(_progress.Accepted, _progress.Rejected, State.Duplicates, _progress.AppliedPosition, State.LastBatchAt);
    }

    /// <summary>Applies what this call's append stored, as the journal holds it (UTC, microseconds), in position order.</summary>
    private async Task<Dictionary<Guid, EventOutcome>> ApplyStoredAsync(string centerId, IReadOnlyList<KioskEvent> events, long[] stored)
    {
        var fresh = events
            .Select((e, i) => new JournaledKioskEvent(stored[i], KioskId, centerId, AsJournaled(e)))
            .Where(e => e.Position > 0)
            .OrderBy(e => e.Position)
            .ToList();
        var outcomes = new Dictionary<Guid, EventOutcome>(fresh.Count);
        if (fresh.Count > 0)
        {
            _caughtUp = false;
            await ApplyPageAsync(fresh, outcomes);
            _caughtUp = true;
        }

        return outcomes;
    }

    /// <summary>The event as the journal holds it; a copy only when its time was finer than the journal keeps.</summary>
    private static KioskEvent AsJournaled(KioskEvent e) =>
        KioskEventCodec.AsJournaled(e.OccurredAt) is var at && at.EqualsExact(e.OccurredAt) ? e : e with { OccurredAt = at };

    /// <summary>Applies every journal entry of this kiosk beyond the applied position; answers the outcome of each.</summary>
    private async Task<Dictionary<Guid, EventOutcome>> CatchUpAsync()
    {
        var outcomes = new Dictionary<Guid, EventOutcome>();
        while (true)
        {
            var records = await journal.ReadAsync(KioskEventCodec.Stream(KioskId), _progress.AppliedPosition, ReadPage);
            if (records.Count > 0)
            {
                await ApplyPageAsync([.. records.Select(r => KioskEventCodec.Decode(KioskId, r))], outcomes);
            }

            if (records.Count < ReadPage)
            {
                _caughtUp = true;
                return outcomes;
            }
        }
    }

    private async Task ApplyPageAsync(List<JournaledKioskEvent> events, Dictionary<Guid, EventOutcome> outcomes)
    {
        foreach (var outcome in await ApplyAsync(events))
        {
            outcomes[outcome.EventId] = outcome;
            Count(outcome);
        }

        _progress.PageApplied(events[^1].Position);
    }

    /// <summary>Sends each event to the actor it concerns; independent actors are called at once.</summary>
    private async Task<IEnumerable<EventOutcome>> ApplyAsync(List<JournaledKioskEvent> events)
    {
        var work = new List<Task<IReadOnlyList<EventOutcome>>>();
        foreach (var group in events.Where(e => e.Event.Body is CheckIn or CheckOut or SelfService or AfterHoursEntry).GroupBy(e => e.CenterId))
        {
            var activity = GrainFactory.GetGrain<ICenterActivityGrain>(group.Key);
            work.Add(activity.ApplyAsync(KioskId, [.. group], _progress.Send(group.Key, group.Max(e => e.Position))));
        }

        foreach (var person in events.Where(e => e.Event.Body is PointsRedemption).GroupBy(e => ((PointsRedemption)e.Event.Body).PersonId))
        {
            var ledger = GrainFactory.GetGrain<IPersonLedgerGrain>(person.Key);
            work.Add(RedeemInOrderAsync(ledger, [.. person]));
        }

        foreach (var e in events.Where(e => e.Event.Body is FaultReport))
        {
            work.Add(RecordFaultAsync(e));
        }

        var outcomes = (await Task.WhenAll(work)).SelectMany(o => o).ToList();
        foreach (var e in events.Where(e => e.Event.Body is HelpRequest))
        {
            _opening.Add((e.Position, OpenHelpRequestAsync(e)));
            outcomes.Add(EventOutcome.Accepted(e.Event.EventId));
        }

        return outcomes;
    }

    private static async Task<IReadOnlyList<EventOutcome>> RedeemInOrderAsync(IPersonLedgerGrain ledger, List<JournaledKioskEvent> redemptions)
    {
        var outcomes = new List<EventOutcome>();
        foreach (var redemption in redemptions)
        {
            outcomes.Add(await ledger.RedeemAsync(redemption));
        }

        return outcomes;
    }

    private Task OpenHelpRequestAsync(JournaledKioskEvent journaled)
    {
        var (e, help) = (journaled.Event, (HelpRequest)journaled.Event.Body);
        var id = $"hr-{e.EventId:D}";
        return GrainFactory.GetGrain<IHelpRequestGrain>(id).OpenAsync(new HelpRequestTicket(
            id, journaled.CenterId, help.Purpose, help.Description, help.PersonId, KioskId, e.EventId, e.OccurredAt, HelpRequestState.Open, null));
    }

    private async Task<IReadOnlyList<EventOutcome>> RecordFaultAsync(JournaledKioskEvent journaled)
    {
        var (e, fault) = (journaled.Event, (FaultReport)journaled.Event.Body);
        var health = GrainFactory.GetGrain<IKioskHealthGrain>(KioskId);
        await health.RecordFaultAsync(new KioskFault(e.EventId, e.OccurredAt, fault.Peripheral, fault.Code, fault.Message));
        return [EventOutcome.Accepted(e.EventId)];
    }

    private void Count(EventOutcome outcome)
    {
        if (outcome.Status == EventStatus.Rejected)
        {
            State.RecentRejections[outcome.EventId] = outcome.Reason ?? "";
            State.RejectionOrder.Add(outcome.EventId);
            if (State.RejectionOrder.Count > RejectionMemory)
            {
                State.RecentRejections.Remove(State.RejectionOrder[0]);
                State.RejectionOrder.RemoveAt(0);
            }
        }

        _progress.Count(outcome.Status);
        KioskMetrics.Events.Add(1, new KeyValuePair<string, object?>("status", outcome.Status == EventStatus.Rejected ? "rejected" : "accepted"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kiosk {KioskId} applied {Count} journaled events on activation")]
    private partial void LogReplayed(string kioskId, int count);
}
