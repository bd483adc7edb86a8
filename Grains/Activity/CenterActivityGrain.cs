using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Common.Journal;
using Lianxin.Governance;
using Lianxin.Kiosks;
using Lianxin.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace Lianxin.Activity;

/// <summary>
/// A center's activity as its kiosks report it. Kiosk events are applied in memory and the state is written
/// coalesced (or when a kiosk asks, before it records its own applied position) from a snapshot while kiosk calls
/// go on, so the actor keeps up with thousands of events a second; a replay after a crash re-applies only what was
/// not durable yet. Every write goes through <see cref="FlushAsync"/>.
/// </summary>
internal sealed partial class CenterActivityGrain(
    [PersistentState(StorageNames.CenterActivityState, StorageNames.Live)] IPersistentState<CenterActivityState> state,
    IEventJournal journal,
    [FromKeyedServices(CentersClock.Key)] TimeProvider clock,
    IOptions<KioskOptions> options,
    IOptions<RatingEvidenceOptions> evidence,
    DeepCopier<CenterActivityState> copier,
    [FromKeyedServices(StorageNames.Live)] IGrainStorage storage,
    ILogger<CenterActivityGrain> logger) : Grain, ICenterActivityGrain, IRemindable
{
    private readonly DeepCopier<CenterActivityState> _copier = copier;
    private readonly IGrainStorage _storage = storage;
    private const int RecentLimit = 50;

    private readonly KioskOptions _options = options.Value;
    private readonly LocalCalendar _calendar = new(options.Value.Zone);
    private OpeningHours? _openingHours;

    private string Id => this.GetPrimaryKeyString();

    private CenterActivityState State => state.State;

    private PresenceBook? _book;

    private PresenceBook Book => _book ??= new(State.VisitTable, State.Unpaired, BaseDeadline);

    private ReplayMarks Marks => new(State.AppliedPositions, State.Refusals, State.RefusalOrder);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _durablePositions = new(State.AppliedPositions);
        if (State.Visits.Count > 0)
        {
            State.VisitTable = VisitTable.From(State.Visits);
            State.Visits.Clear();
        }

        await RefreshOpeningHoursAsync();
        TellEveryoneInside();
        this.RegisterGrainTimer(static (grain, _) => grain.TickAsync(), this, new GrainTimerCreationOptions(Stagger.FirstDue(_options.CheckInterval), _options.CheckInterval));
        this.RegisterGrainTimer(static (grain, _) => grain.DispatchOutboxAsync(), this,
            new GrainTimerCreationOptions(Stagger.FirstDue(TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(1)));
    }

    public async Task<IReadOnlyList<EventOutcome>> ApplyAsync(string kioskId, IReadOnlyList<JournaledKioskEvent> events, long sentThrough)
    {
        await EnsureReminderAsync();
        if (Marks.MustRecover(kioskId, sentThrough))
        {
            var recovered = (await RecoverAsync(kioskId, sentThrough)).ToDictionary(o => o.EventId);
            return [.. Apply(kioskId, events, await MobileMemberRefusalsAsync(events)).Select(o => recovered.GetValueOrDefault(o.EventId) ?? o)];
        }

        return Apply(kioskId, events, await MobileMemberRefusalsAsync(events));
    }

    /// <summary>The registry's word on check-ins as mobile party members (<see cref="MobileMemberCheckInRule"/>); no call when there are none.</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> MobileMemberRefusalsAsync(IReadOnlyList<JournaledKioskEvent> events)
    {
        var checks = events
            .Where(e => e.Event.Body is CheckIn { Role: PersonRole.MobilePartyMember })
            .Select(async e => (e.Event.EventId, Refusal: MobileMemberCheckInRule.Refusal(
                (CheckIn)e.Event.Body, await GrainFactory.GetGrain<Volunteers.IVolunteerGrain>(((CheckIn)e.Event.Body).PersonId).GetProfileAsync())))
            .ToList();
        return checks.Count == 0
            ? new Dictionary<Guid, string>()
            : (await Task.WhenAll(checks)).Where(c => c.Refusal is not null).ToDictionary(c => c.EventId, c => c.Refusal!);
    }

    private IReadOnlyList<EventOutcome> Apply(string kioskId, IReadOnlyList<JournaledKioskEvent> events, IReadOnlyDictionary<Guid, string> refusals)
    {
        var now = clock.GetUtcNow();
        var marks = Marks;
        var outcomes = new List<EventOutcome>(events.Count);
        var changes = new List<PresenceChange>();
        foreach (var journaled in events.OrderBy(e => e.Position))
        {
            var e = journaled.Event;
            if (marks.Replayed(kioskId, journaled.Position, e.EventId) is { } before)
            {
                outcomes.Add(before);
                continue;
            }

            var rejection = e.Body switch
            {
                CheckIn when refusals.TryGetValue(e.EventId, out var refused) => refused,
                CheckIn checkIn => Book.CheckIn(e.EventId, kioskId, checkIn, e.OccurredAt, now, changes),
                CheckOut checkOut => Book.CheckOut(e.EventId, kioskId, checkOut.PersonId, e.OccurredAt, now, changes),
                SelfService service => CountSelfService(service, e.OccurredAt),
                AfterHoursEntry entry => RecordAfterHours(e, kioskId, entry),
                _ => $"Events of type {e.Body.GetType().Name} are not applied to a center's presence.",
            };
            if (rejection is not null)
            {
                AddRecent(State.Rejected, new RejectedEvent(e.EventId, kioskId, PersonOf(e.Body), e.OccurredAt, rejection));
            }

            var outcome = rejection is null ? EventOutcome.Accepted(e.EventId) : EventOutcome.Rejected(e.EventId, rejection);
            marks.Applied(kioskId, journaled.Position, outcome);
            outcomes.Add(outcome);
        }

        Process(changes);
        Changed();
        return outcomes;
    }

    public async Task<RegistryResult> CorrectCheckOutAsync(Guid visitId, DateTimeOffset checkedOutAt, string reason, string correctedBy)
    {
        var changes = new List<PresenceChange>();
        var visit = Book.Find(visitId);
        if (visit is null)
        {
            return RegistryResult.NotFound($"Visit {visitId} is not known at center '{Id}' (visits are kept {_options.VisitRetention} after they end).");
        }

        // Hours already decided cannot change under the staff who decided them: check before touching the visit.
        if (visit.Role == PersonRole.Volunteer)
        {
            var hours = new ServiceHours(visit.Id, Id, visit.CheckedInAt, checkedOutAt, false);
            var recorded = await GrainFactory.GetGrain<IPersonLedgerGrain>(visit.PersonId).RecordHoursAsync(hours);
            if (recorded.Outcome == RegistryOutcome.Conflict)
            {
                return recorded;
            }
        }

        var problem = Book.Correct(visitId, checkedOutAt, $"{reason} ({correctedBy})", clock.GetUtcNow(), changes);
        if (problem is not null)
        {
            return RegistryResult.Conflict(problem);
        }

        Process(changes);
        Changed();
        await FlushAsync();
        return RegistryResult.Updated;
    }

    public Task<CenterActivity> GetAsync()
    {
        var now = clock.GetUtcNow();
        var changes = new List<PresenceChange>();
        Book.CloseAllOverdue(now, changes);
        if (changes.Count > 0)
        {
            Process(changes);
            Changed();
        }

        var today = _calendar.Day(now);
        var counts = State.Days.GetValueOrDefault(today) ?? new DayCounts();
        return Task.FromResult(new CenterActivity(
            Id,
            today,
            [.. Book.Inside.OrderBy(v => v.CheckedInAt)],
            new Dictionary<BasicFunction, int>(counts.CheckInsByPurpose),
            new Dictionary<PersonRole, int>(counts.CheckInsByRole),
            new Dictionary<string, int>(counts.SelfServiceByService),
            [.. State.AfterHours],
            [.. Book.RecentlyClosed(RecentLimit)],
            [.. State.Rejected],
            Book.UnpairedCount,
            new Dictionary<string, KioskConnectivity>(State.Kiosks),
            [.. State.OpenHelpRequests.Order(StringComparer.Ordinal)],
            [.. State.HoursAwaiting.Values.OrderBy(h => h.From)],
            [.. State.Alerts.Values.OrderByDescending(a => a.RaisedAt)]));
    }

    public async Task TickAsync()
    {
        await RefreshOpeningHoursAsync();
        var now = clock.GetUtcNow();
        var changes = new List<PresenceChange>();
        Book.CloseAllOverdue(now, changes);
        Book.Prune(now - _options.VisitRetention, _options.ClosedVisitsKept);
        var oldestDay = _calendar.Day(now).AddDays(-7);
        var pruned = State.Days.Keys.Where(d => d < oldestDay).ToList().Count(State.Days.Remove);
        if (changes.Count > 0 || pruned > 0)
        {
            Process(changes);
            Changed();
        }

        // Today's counts start from zero at local midnight even when nothing else happens.
        ScheduleReport();
        ResumeTellingDuty();
        await ReportEvidenceAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => TickAsync();

    private string? CountSelfService(SelfService service, DateTimeOffset at)
    {
        var counts = Day(at).SelfServiceByService;
        counts[service.Service] = counts.GetValueOrDefault(service.Service) + 1;
        return null;
    }

    private string? RecordAfterHours(KioskEvent e, string kioskId, AfterHoursEntry entry)
    {
        AddRecent(State.AfterHours, new AfterHoursVisit(e.EventId, kioskId, entry.PersonId, entry.Door, e.OccurredAt));
        return null;
    }

    /// <summary>Turns visit changes into counts, duty and hours.</summary>
    private void Process(List<PresenceChange> changes)
    {
        foreach (var (visit, kind) in changes)
        {
            if (kind == PresenceChangeKind.Opened)
            {
                var day = Day(visit.CheckedInAt);
                day.CheckInsByPurpose[visit.Purpose] = day.CheckInsByPurpose.GetValueOrDefault(visit.Purpose) + 1;
                day.CheckInsByRole[visit.Role] = day.CheckInsByRole.GetValueOrDefault(visit.Role) + 1;
            }

            if (visit.Role != PersonRole.Volunteer)
            {
                continue;
            }

            TellDuty(visit.PersonId);
            if (kind == PresenceChangeKind.Closed)
            {
                AwaitDecision(visit);
            }
        }
    }

    private DayCounts Day(DateTimeOffset at)
    {
        var day = _calendar.Day(at);
        if (!State.Days.TryGetValue(day, out var counts))
        {
            State.Days[day] = counts = new DayCounts();
        }

        return counts;
    }

    private DateTimeOffset BaseDeadline(DateTimeOffset checkedInAt)
    {
        var deadline = checkedInAt + _options.MaxVisit;
        return _openingHours is { } hours && _calendar.OpeningPeriodAt(hours, checkedInAt) is { } period && period.Closes < deadline
            ? period.Closes
            : deadline;
    }

    private async Task RefreshOpeningHoursAsync() =>
        _openingHours = (await GrainFactory.GetGrain<ICenterGrain>(Id).GetAsync())?.Profile.OpeningHours ?? _openingHours;

    private static string? PersonOf(KioskEventBody body) => body switch
    {
        CheckIn c => c.PersonId,
        CheckOut c => c.PersonId,
        AfterHoursEntry a => a.PersonId,
        _ => null,
    };

    private static void AddRecent<T>(List<T> list, T item)
    {
        list.Insert(0, item);
        if (list.Count > RecentLimit)
        {
            list.RemoveRange(RecentLimit, list.Count - RecentLimit);
        }
    }
}
