using Lianxin.Activity;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.EventFeed;
using Lianxin.Governance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lianxin.Kiosks;

/// <summary>
/// A kiosk's health. A timer re-evaluates it while the actor is active and a reminder brings the actor back, so a
/// kiosk that falls silent still turns degraded, then offline, and raises its alert. Heartbeats and event uploads are
/// both signs of life; peripherals out of order raise alerts of their own, by severity (<see cref="PeripheralAlertRules"/>).
/// </summary>
internal sealed class KioskHealthGrain(
    [PersistentState(StorageNames.KioskHealthState, StorageNames.Live)] IPersistentState<KioskHealthState> state,
    [FromKeyedServices(CentersClock.Key)] TimeProvider clock,
    IOptions<KioskOptions> options,
    IOptions<RatingEvidenceOptions> evidence,
    IEventFeed feed) : Grain, IKioskHealthGrain, IRemindable
{
    private const int FaultMemory = 20;
    private const int UptimeDays = 31;
    private static readonly TimeSpan WriteDelay = TimeSpan.FromSeconds(30);

    private readonly KioskHealthRules _rules = new(options.Value, new LocalCalendar(options.Value.Zone));
    private KioskConnectivity? _reported;
    private string? _centerId;
    private bool _dirty;
    private readonly DeferredWork<KioskHealthGrain> _write = new(static grain => grain.FlushAsync(), WriteDelay, spread: true);
    private readonly DeferredWork<KioskHealthGrain> _checkSoon = new(static grain => grain.CheckAsync(), TimeSpan.Zero);
    private readonly Dictionary<(string CenterId, DateOnly Day), DailyUptime> _uptimeSent = [];
    private DateTimeOffset _uptimeSentAt = DateTimeOffset.MinValue;

    private string Id => this.GetPrimaryKeyString();

    private KioskHealthState State => state.State;

    private DateTimeOffset? LastSign => KioskHealthRules.LastSign(State.LastBeatAt, State.LastTrafficAt);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var every = options.Value.CheckInterval;
        this.RegisterGrainTimer(static (grain, _) => grain.CheckAsync(), this, new GrainTimerCreationOptions(Stagger.FirstDue(every), every));
        await this.RegisterOrUpdateReminder("health", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushAsync();

    public async Task<KioskHealth> BeatAsync(KioskHeartbeat heartbeat)
    {
        var now = clock.GetUtcNow();
        Account(now);
        var wasOnline = _rules.Connectivity(LastSign, now) == KioskConnectivity.Online;
        State.LastBeatAt = now;
        State.AppVersion = heartbeat.AppVersion;
        State.Peripherals = new Dictionary<string, PeripheralStatus>(heartbeat.Peripherals);
        MarkDirty();
        await CheckAsync();
        if (!wasOnline)
        {
            // Coming back is a transition worth keeping at once; ordinary beats are written coalesced.
            await FlushAsync();
        }

        return Snapshot(now);
    }

    public async Task RecordTrafficAsync(DateTimeOffset at)
    {
        var now = clock.GetUtcNow();
        at = at > now ? now : at;
        if (State.LastTrafficAt is { } last && last >= at)
        {
            return;
        }

        Account(now);
        var wasOnline = _rules.Connectivity(LastSign, now) == KioskConnectivity.Online;
        State.LastTrafficAt = at;
        MarkDirty();
        if (!wasOnline)
        {
            // Heard from again: the state (and any outage alert) changes now, not at the next check.
            await CheckAsync();
            await FlushAsync();
        }
    }

    /// <summary>
    /// Written before answering: a fault answered "accepted" must not vanish with a silo once the kiosk's checkpoint has
    /// moved past it. Faults are rare next to check-ins.
    /// </summary>
    public async Task RecordFaultAsync(KioskFault fault)
    {
        if (State.RecentFaults.Any(f => f.EventId == fault.EventId))
        {
            return;
        }

        State.RecentFaults.Insert(0, fault);
        State.RecentFaults = [.. State.RecentFaults.OrderByDescending(f => f.OccurredAt).Take(FaultMemory)];
        if (State.LastBeatAt is null || fault.OccurredAt > State.LastBeatAt)
        {
            // Newer than the last heartbeat: the fault stands until a heartbeat reports the peripheral again.
            State.Peripherals[fault.Peripheral] = PeripheralStatus.Fault;

            // The alert goes out at once, but after this call: an upload never waits for the centers to be told.
            _checkSoon.Request(this);
        }

        MarkDirty();
        await FlushAsync();
    }

    public Task<KioskHealth> GetAsync()
    {
        var now = clock.GetUtcNow();
        Account(now);
        return Task.FromResult(Snapshot(now));
    }

    public async Task CheckAsync()
    {
        var now = clock.GetUtcNow();
        Account(now);
        MarkDirty();
        var kiosk = await GrainFactory.GetGrain<IKioskGrain>(Id).GetAsync();
        if (kiosk is null)
        {
            return;
        }

        var connectivity = _rules.Connectivity(LastSign, now);
        if (connectivity != _reported || kiosk.Profile.CenterId != _centerId)
        {
            await GrainFactory.GetGrain<ICenterActivityGrain>(kiosk.Profile.CenterId).ReportKioskHealthAsync(Id, connectivity);
            (_reported, _centerId) = (connectivity, kiosk.Profile.CenterId);
        }

        await PublishOutageAsync(kiosk.Profile.CenterId, connectivity);
        await ReportUptimeEvidenceAsync(kiosk.Profile.CenterId, now);
        var hours = (await GrainFactory.GetGrain<ICenterGrain>(kiosk.Profile.CenterId).GetAsync())?.Profile.OpeningHours;
        if (State.OpenAlert is { } open && connectivity != KioskConnectivity.Offline)
        {
            State.OpenAlert = null;
            await SendAlertAsync(open with { ResolvedAt = now });
            await FlushAsync();
        }
        else if (State.OpenAlert is null && _rules.OutageAlertDue(LastSign, now, hours))
        {
            State.OpenAlert = new KioskAlert($"kiosk-offline-{Id}-{now.ToUnixTimeSeconds()}", Id, kiosk.Profile.CenterId,
                _rules.OfflineSince(LastSign)!.Value, now, null);
            await SendAlertAsync(State.OpenAlert);
            await FlushAsync();
        }

        await ReconcilePeripheralAlertsAsync(kiosk.Profile.CenterId, now);
    }

    /// <summary>Raises an alert for each peripheral out of order and resolves those that are ok again.</summary>
    private async Task ReconcilePeripheralAlertsAsync(string centerId, DateTimeOffset now)
    {
        var (raise, resolve) = PeripheralAlertRules.Reconcile(Id, centerId, State.Peripherals, State.PeripheralAlerts, now);
        foreach (var alert in resolve)
        {
            State.PeripheralAlerts.Remove(alert.Peripheral!);
            await SendAlertAsync(alert);
        }

        foreach (var alert in raise)
        {
            State.PeripheralAlerts[alert.Peripheral!] = alert;
            await SendAlertAsync(alert);
        }

        if (raise.Count + resolve.Count > 0)
        {
            await FlushAsync();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => CheckAsync();

    /// <summary>
    /// Outages on the outbound feed: going offline, and coming back from offline (degraded is not an outage). The state
    /// remembers what the feed heard, written at once, so a restart neither repeats nor loses a transition; the event ids
    /// name the moment, so a publication repeated after a failed write is stored once.
    /// </summary>
    private async Task PublishOutageAsync(string centerId, KioskConnectivity connectivity)
    {
        var heard = State.FeedConnectivity;
        FeedEvent? outage = (connectivity, heard) switch
        {
            (KioskConnectivity.Offline, not KioskConnectivity.Offline) => FeedEvents.KioskConnectivity(Id, centerId, false, _rules.OfflineSince(LastSign)!.Value),
            (KioskConnectivity.Online, KioskConnectivity.Offline) => FeedEvents.KioskConnectivity(Id, centerId, true, LastSign!.Value),
            _ => null,
        };
        if (outage is not null)
        {
            await feed.PublishAsync([outage]);
        }

        if (connectivity is KioskConnectivity.Online or KioskConnectivity.Offline && connectivity != heard)
        {
            State.FeedConnectivity = connectivity;
            MarkDirty();
            await FlushAsync();
        }
    }

    public async Task FlushAsync()
    {
        _write.Cancel();
        if (_dirty)
        {
            _dirty = false;
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                _dirty = true;
                throw;
            }
        }
    }

    /// <summary>An alert goes to the kiosk's center and every center above it, up to the command center.</summary>
    private async Task SendAlertAsync(KioskAlert alert)
    {
        foreach (var centerId in await CenterAncestry.GetPathToRootAsync(GrainFactory, alert.CenterId))
        {
            await GrainFactory.GetGrain<ICenterActivityGrain>(centerId).AlertAsync(alert);
        }
    }

    private void Account(DateTimeOffset now)
    {
        if (State.AccountedThrough is { } from && now > from)
        {
            _rules.Account(State.Uptime, from, now, LastSign);
            foreach (var old in State.Uptime.Keys.OrderDescending().Skip(UptimeDays).ToList())
            {
                State.Uptime.Remove(old);
            }
        }

        // Watching starts with the first sign of life.
        if (LastSign is not null)
        {
            State.AccountedThrough = now;
        }
    }

    /// <summary>
    /// The star rating's uptime evidence: days whose uptime changed since the last report go to the center's yearly
    /// evidence actor, at most once per <see cref="RatingEvidenceOptions.ReportInterval"/> (a report replaces its day).
    /// </summary>
    private async Task ReportUptimeEvidenceAsync(string centerId, DateTimeOffset now)
    {
        var interval = evidence.Value.ReportInterval;
        if (now - _uptimeSentAt < interval)
        {
            return;
        }

        _uptimeSentAt = now;
        foreach (var day in State.Uptime.Values.Where(d => d.WatchedSeconds > 0 && !(_uptimeSent.TryGetValue((centerId, d.Day), out var sent) && sent == d)).ToList())
        {
            await GrainFactory.GetGrain<ICenterEvidenceGrain>(GovernanceKeys.Rating(centerId, day.Day.Year)).RecordKioskUptimeAsync(Id, day);
            _uptimeSent[(centerId, day.Day)] = day;
        }

        foreach (var gone in _uptimeSent.Keys.Where(k => !State.Uptime.ContainsKey(k.Day)).ToList())
        {
            _uptimeSent.Remove(gone);
        }
    }

    private void MarkDirty()
    {
        _dirty = true;
        _write.Request(this);
    }

    private KioskHealth Snapshot(DateTimeOffset now) => new(
        Id,
        _rules.Connectivity(LastSign, now),
        State.LastBeatAt,
        State.AppVersion,
        new Dictionary<string, PeripheralStatus>(State.Peripherals),
        [.. State.RecentFaults],
        [.. State.Uptime.Values.OrderByDescending(d => d.Day)],
        State.OpenAlert,
        LastSign,
        [.. State.PeripheralAlerts.Values.OrderByDescending(a => a.Severity).ThenBy(a => a.Peripheral, StringComparer.Ordinal)]);
}
