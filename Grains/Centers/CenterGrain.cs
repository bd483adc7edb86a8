using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.Listings;
using Lianxin.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lianxin.Centers;

/// <summary>
/// A center: registry facts, its live state, and its subtree totals. Changes to the totals are coalesced: a burst
/// of changes becomes one report to the parent per <see cref="ReportDelay"/>. Only registry changes are written: the
/// live figures derive from the center's activity and its children, and a fresh activation asks them again.
/// </summary>
internal sealed partial class CenterGrain(
    [PersistentState(StorageNames.CenterState, StorageNames.Default)] IPersistentState<CenterState> state,
    [FromKeyedServices(CentersClock.Key)] TimeProvider clock,
    IOptions<KioskOptions> kioskOptions,
    ILogger<CenterGrain> logger) : Grain, ICenterGrain
{
    private readonly LocalCalendar _calendar = new(kioskOptions.Value.Zone);

    internal static readonly TimeSpan ReportDelay = TimeSpan.FromMilliseconds(100);

    private readonly DeferredWork<CenterGrain> _report = new(static grain => grain.ReportAsync(), ReportDelay);

    private CenterLivePublisher? _livePublisher;

    private string Id => this.GetPrimaryKeyString();

    private CenterState State => state.State;

    private CenterLivePublisher LivePublisher => _livePublisher ??= new(GrainFactory, Id, clock);

    public Task<CenterSnapshot?> GetAsync() => Task.FromResult(
        State.Profile is null
            ? null
            : new CenterSnapshot(
                Id,
                State.Profile,
                State.Live,
                ComputeSubtree(State.Profile),
                [.. State.ChildIds.Order(StringComparer.Ordinal)],
                [.. State.GridIds.Order(StringComparer.Ordinal)],
                [.. State.KioskIds.Order(StringComparer.Ordinal)]));

    public Task<CenterCrowd?> GetCrowdAsync()
    {
        if (State.Profile is not { } profile)
        {
            return Task.FromResult<CenterCrowd?>(null);
        }

        var (day, hour) = LocalHour();
        var inside = State.Live.PeopleInside;
        var capacity = CenterCapacity.Of(profile);
        return Task.FromResult<CenterCrowd?>(
            new CenterCrowd(inside, capacity, CrowdLevels.Of(inside, capacity), day, DayPattern.Today(State.Pattern, day, hour, inside),
                _calendar.OpeningPeriodAt(profile.OpeningHours, clock.GetUtcNow()) is not null));
    }

    public Task<CenterLink?> GetLinkAsync() =>
        Task.FromResult(State.Profile is null ? null : new CenterLink(State.Profile.Level, State.Profile.ParentId));

    public async Task<RegistryResult> CreateAsync(CenterProfile profile)
    {
        if (State.Profile is { } existing)
        {
            // A creation retried after a crash between the state write and the listing: the line is written again.
            await ListAsync(existing);
            return RegistryResult.Conflict($"Center '{Id}' already exists.");
        }

        var parentCheck = await CheckParentAsync(profile.ParentId);
        if (parentCheck is not null)
        {
            return parentCheck;
        }

        State.Profile = profile;
        await PersistAndReportAsync();
        await ListAsync(profile);
        LogCreated(Id, profile.Level);
        return RegistryResult.Created;
    }

    public async Task<RegistryResult> UpdateAsync(CenterProfile profile)
    {
        if (State.Profile is not { } previous)
        {
            return RegistryResult.NotFound($"Center '{Id}' does not exist.");
        }

        if (previous.ParentId != profile.ParentId)
        {
            var parentCheck = await CheckParentAsync(profile.ParentId);
            if (parentCheck is not null)
            {
                return parentCheck;
            }
        }

        if (previous.ParentId != profile.ParentId)
        {
            await LivePublisher.MovingAsync(previous);
        }

        State.Profile = profile;
        await PersistAndReportAsync();
        await ListAsync(profile);
        if (previous.ParentId is { } oldParent && oldParent != profile.ParentId)
        {
            await GrainFactory.GetGrain<ICenterGrain>(oldParent).DetachChildAsync(Id);
        }

        return RegistryResult.Updated;
    }

    public async Task DetachChildAsync(string childId)
    {
        var removed = State.ChildIds.Remove(childId) | State.ChildSubtrees.Remove(childId);
        if (removed)
        {
            await state.WriteStateAsync();
            ScheduleReport();
        }
    }

    public async Task ReportChildSubtreeAsync(string childId, long sequence, SubtreeSummary summary)
    {
        if (State.ChildSubtrees.TryGetValue(childId, out var latest) && latest.Sequence >= sequence)
        {
            return;
        }

        State.ChildSubtrees[childId] = new ChildReport(sequence, summary);
        if (State.ChildIds.Add(childId))
        {
            // A new child is a registry change: make it durable now rather than with the next coalesced write.
            await state.WriteStateAsync();
        }

        ScheduleReport();
    }

    public Task AttachGridAsync(string gridId) => ChangeSetAsync(State.GridIds, gridId, add: true);

    public Task DetachGridAsync(string gridId) => ChangeSetAsync(State.GridIds, gridId, add: false);

    public Task AttachKioskAsync(string kioskId) => ChangeSetAsync(State.KioskIds, kioskId, add: true);

    public Task DetachKioskAsync(string kioskId) => ChangeSetAsync(State.KioskIds, kioskId, add: false);

    public Task SetVolunteerOnDutyAsync(string personId, bool onDuty)
    {
        _toldWhileAsking?.Add(personId);
        if (onDuty ? State.VolunteersOnDuty.Add(personId) : State.VolunteersOnDuty.Remove(personId))
        {
            State.Live = State.Live with { VolunteersOnDuty = State.VolunteersOnDuty.Count };
            ScheduleReport();
        }

        return Task.CompletedTask;
    }

    public Task ReportActivityAsync(CenterActivityFigures figures)
    {
        _reportedWhileAsking |= _toldWhileAsking is not null;
        var checkInsChanged = !SameCounts(State.Live.CheckInsTodayByFunction, figures.CheckInsTodayByFunction);
        State.Live = State.Live with
        {
            PeopleInside = figures.PeopleInside,
            CheckInsTodayByFunction = figures.CheckInsTodayByFunction,
            OpenHelpRequests = figures.OpenHelpRequests,
            KiosksOnline = figures.KiosksOnline,
        };
        var (day, hour) = LocalHour();
        State.Pattern = DayPattern.Record(State.Pattern, day, hour, figures.PeopleInside);
        ScheduleReport();

        if (checkInsChanged)
        {
            // Visits per hour for the outbound feed are counted by an actor of their own (one-way: a report never waits on it).
            GrainFactory.GetGrain<ICenterVisitHoursGrain>(Id).ObserveAsync(figures.CheckInsTodayByFunction).Ignore();
        }

        return Task.CompletedTask;
    }

    private static bool SameCounts(IReadOnlyDictionary<BasicFunction, int> a, IReadOnlyDictionary<BasicFunction, int> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var count) && count == p.Value);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The counter is the set's size: a state written by an older version (a +1/-1 count) is put right here.
        State.Live = State.Live with { VolunteersOnDuty = State.VolunteersOnDuty.Count };
        if (State.Profile is not null)
        {
            // Interleaved: the actors it asks may ask this center for its profile while they activate.
            this.RegisterGrainTimer(static (grain, _) => grain.AskSourcesAsync(), this,
                new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_report.IsArmed)
        {
            await _report.RunNowAsync(this);
        }
    }

    /// <summary>Null when the parent is acceptable; otherwise why not. Never calls this grain itself.</summary>
    private async Task<RegistryResult?> CheckParentAsync(string? parentId)
    {
        var current = parentId;
        for (var depth = 0; current is not null && depth < CenterAncestry.MaxDepth; depth++)
        {
            if (current == Id)
            {
                return RegistryResult.Conflict($"Center '{parentId}' is '{Id}' or one of its descendants; the tree would form a cycle.");
            }

            var link = await GrainFactory.GetGrain<ICenterGrain>(current).GetLinkAsync();
            if (link is null)
            {
                return depth == 0 ? RegistryResult.NotFound($"Parent center '{parentId}' does not exist.") : null;
            }

            current = link.ParentId;
        }

        return null;
    }

    private async Task ChangeSetAsync(HashSet<string> set, string id, bool add)
    {
        if (add ? set.Add(id) : set.Remove(id))
        {
            await state.WriteStateAsync();
            ScheduleReport(); // the live card counts grids and kiosks
        }
    }

    private (DateOnly Day, int Hour) LocalHour()
    {
        var now = clock.GetUtcNow();
        return (_calendar.Day(now), _calendar.ToLocal(now).Hour);
    }

    private Task ListAsync(CenterProfile profile) => GrainFactory.GetGrain<IListingGrain>(0).UpsertAsync(ListingLines.Center(Id, profile));

    private SubtreeSummary ComputeSubtree(CenterProfile profile) =>
        SubtreeTotals.Compute(profile.Level, State.Live, State.ChildSubtrees.Values.Select(r => r.Summary));

    private void ScheduleReport() => _report.Request(this);

    /// <summary>A registry change: written, then shown and reported like any other change.</summary>
    private async Task PersistAndReportAsync()
    {
        await state.WriteStateAsync();
        await ReportAsync();
    }

    /// <summary>
    /// Shows the new figures on the live feeds, then tells the parent the new subtree totals. Reports are numbered by
    /// the clock (never below the last number), so they keep increasing across activations without a write each.
    /// </summary>
    private async Task ReportAsync()
    {
        if (State.Profile is not { } profile)
        {
            return;
        }

        await LivePublisher.PublishAsync(profile, State.Live, State.KioskIds.Count, State.GridIds.Count);
        if (profile.ParentId is { } parentId)
        {
            State.ReportSequence = Math.Max(State.ReportSequence + 1, clock.GetUtcNow().UtcTicks);
            await GrainFactory.GetGrain<ICenterGrain>(parentId).ReportChildSubtreeAsync(Id, State.ReportSequence, ComputeSubtree(profile));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Center {CenterId} created at level {Level}")]
    private partial void LogCreated(string centerId, CenterLevel level);
}
