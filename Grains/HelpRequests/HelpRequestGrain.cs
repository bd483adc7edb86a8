using Lianxin.Activity;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.EventFeed;
using Lianxin.Governance;
using Lianxin.Kiosks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lianxin.HelpRequests;

/// <summary>
/// A help request ticket running its closed loop through <see cref="ClosedLoopLifecycle"/>. Every change is written
/// before it is answered, then told to the center's activity (the open count), the center's yearly book (the loop's
/// figures) and the live feeds of the center and of whoever it escalated to. While a time limit runs, a timer (for
/// the active actor) applies it, and after a restart or deactivation the center's order queue wakes it (one durable
/// reminder per center, not one per request); applying is idempotent.
/// </summary>
internal sealed partial class HelpRequestGrain(
    [PersistentState(StorageNames.HelpRequestState, StorageNames.Live)] IPersistentState<HelpRequestGrainState> state,
    ClosedLoopLifecycle lifecycle,
    [FromKeyedServices(CentersClock.Key)] TimeProvider clock,
    IOptions<KioskOptions> kioskOptions,
    IEventFeed feed,
    ILogger<HelpRequestGrain> logger) : Grain, IHelpRequestGrain, IRemindable
{
    /// <summary>The per-request reminder of earlier versions: dropped when it fires, the center's queue wakes requests now.</summary>
    private const string EarlierReminderName = "closed-loop";

    private readonly LocalCalendar _calendar = new(kioskOptions.Value.Zone);
    private readonly DeferredWork<HelpRequestGrain> _deadline = new(static grain => grain.OnDeadlineAsync(), TimeSpan.Zero);
    private DateTimeOffset? _armedFor;

    private string Id => this.GetPrimaryKeyString();

    private LoopTicket? Loop => state.State.Loop;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Ticket is { } ticket && Loop is null)
        {
            // Opened before the loop existed: it starts its loop now, from when it was opened.
            state.State.Loop = await OpenLoopAsync(ticket);
            await state.WriteStateAsync(cancellationToken);
            await TellAsync(null);
        }

        if (Loop is not null)
        {
            await CheckDeadlinesAsync();
            await CreditHoursAsync();
            ArmTimer();
        }
    }

    public async Task<HelpRequestTicket> OpenAsync(HelpRequestTicket ticket)
    {
        if (state.State.Ticket is null)
        {
            // Nothing is set before it can be written: the loop reads the centers above, and when one of their silos
            // dies mid-read the open fails as if never tried. A ticket set before that read stayed in memory unwritten,
            // so the kiosk's replay of the open found it "opened" and the request was lost for good.
            var opened = ticket with { Id = Id, State = HelpRequestState.Open, Owner = null };
            var loop = lifecycle.ApplyDeadlines(await OpenLoopAsync(opened), clock.GetUtcNow());
            (state.State.Ticket, state.State.Loop) = (opened, loop);
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                // Whether it was stored is unknown: a fresh activation reads what was, and a repeated open completes it.
                (state.State.Ticket, state.State.Loop) = (null, null);
                this.DeactivateOnIdle();
                throw;
            }

            LogOpened(Id, opened.CenterId, opened.Function);
        }

        // Told again on a repeated open: the center's count or book may not have been durable when a host stopped.
        await TellAsync(null);
        ArmTimer();
        return Project()!;
    }

    public Task<HelpRequestTicket?> GetAsync() => Task.FromResult(Project());

    public Task<LoopTicket?> GetLoopAsync() => Task.FromResult(Loop);

    public Task<HelpRequestOutcome> AssignAsync(LoopAssignee to, string actor, string? note) =>
        StepAsync((t, now) => lifecycle.Assign(t, to, actor, now, note));

    public Task<HelpRequestOutcome> StartAsync(LoopAssignee handler, string actor, string? note) =>
        StepAsync((t, now) => lifecycle.Start(t, handler, now, By(actor, handler, note)));

    public Task<HelpRequestOutcome> ResolveAsync(LoopAssignee handler, string actor, string? note) =>
        StepAsync((t, now) => lifecycle.Resolve(t, handler, now, By(actor, handler, note)));

    public Task<HelpRequestOutcome> RateAsync(int rating, string actor, string? comment) =>
        StepAsync((t, now) => lifecycle.Rate(t, rating, actor, now, comment));

    public async Task<LoopTicket?> CheckDeadlinesAsync()
    {
        if (Loop is not { } before)
        {
            return null;
        }

        var after = lifecycle.ApplyDeadlines(before, clock.GetUtcNow());
        if (after.History.Count != before.History.Count)
        {
            await SaveAsync(before, after);
        }

        return Loop;
    }

    public async Task WakeAsync()
    {
        await CheckDeadlinesAsync();
        // Also when nothing passed: the queue's book may hold a due time a lost tell left behind.
        await TellQueueAsync();
    }

    /// <summary>Only the earlier per-request reminder comes here: the queue takes over the request's limits, then it goes.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await CheckDeadlinesAsync();
        await TellQueueAsync();
        if (await this.GetReminder(EarlierReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task<HelpRequestOutcome> StepAsync(Func<LoopTicket, DateTimeOffset, LoopTransition> step)
    {
        if (Loop is null)
        {
            return HelpRequestOutcome.NotFound(Id);
        }

        // Limits that passed before the action count first: an action never hides that a ticket went overdue.
        await CheckDeadlinesAsync();
        var current = Loop!;
        var transition = step(current, clock.GetUtcNow());
        if (!transition.Accepted)
        {
            LogRefused(Id, transition.Kind, transition.Refusal!);
            return new HelpRequestOutcome(current, transition.Refusal, transition.Kind);
        }

        // The same instance back means nothing changed (a repeated claim): nothing to write or tell.
        if (!ReferenceEquals(transition.Ticket, current))
        {
            await SaveAsync(current, transition.Ticket);
        }

        return new HelpRequestOutcome(Loop, null);
    }

    private async Task SaveAsync(LoopTicket before, LoopTicket after)
    {
        state.State.Loop = after;
        state.State.Ticket = Project();
        await state.WriteStateAsync();
        if (after.EscalationLevel > before.EscalationLevel)
        {
            LogEscalated(Id, after.EscalatedTo ?? "", after.EscalationLevel);
        }

        await TellAsync(before);
        await CreditHoursAsync();
        ArmTimer();
    }

    private async Task<LoopTicket> OpenLoopAsync(HelpRequestTicket ticket)
    {
        var path = await CenterAncestry.GetPathToRootAsync(GrainFactory, ticket.CenterId);
        var links = await Task.WhenAll(path.Select(id => GrainFactory.GetGrain<ICenterGrain>(id).GetLinkAsync()));
        var levels = path.Select((id, i) => (id, links[i]?.Level ?? CenterLevel.Community)).ToList();
        var chain = levels.Count == 0 ? [ticket.CenterId] : EscalationChain.For(levels);
        var raisedBy = ticket.KioskId ?? ticket.OpenedBy ?? ticket.PersonId ?? "staff";
        return lifecycle.Open(Id, ticket.CenterId, chain, ticket.Function, ticket.Description, raisedBy, ticket.OpenedAt, ticket.PersonId);
    }

    /// <summary>
    /// The center's open count, its yearly book, the live feeds and the outbound feed (every stage so far: a stage whose
    /// publication a crash cut off goes out now, the others are there already); every call is idempotent.
    /// </summary>
    private async Task TellAsync(LoopTicket? before)
    {
        if (Loop is not { } loop)
        {
            return;
        }

        await GrainFactory.GetGrain<ICenterActivityGrain>(loop.CenterId).TrackHelpRequestAsync(Id, !loop.IsFinished);
        await TellQueueAsync();
        if (loop.PersonId is { } personId)
        {
            await GrainFactory.GetGrain<Residents.IPersonHelpRequestsGrain>(personId).TrackAsync(Id);
        }

        var year = _calendar.Day(loop.RaisedAt).Year;
        await GrainFactory.GetGrain<ICenterHelpRequestsGrain>(GovernanceKeys.Rating(loop.CenterId, year)).UpsertAsync(loop with { History = [loop.History[^1]] });
        var live = new HelpRequestLive(Id, loop.CenterId, loop.Function, loop.Stage, loop.Owner?.Name, loop.DueAt, loop.EscalatedTo, loop.EscalationLevel, clock.GetUtcNow());
        await GrainFactory.GetGrain<Listings.IListingGrain>(0).UpsertAsync(Listings.ListingLines.HelpRequest(live));
        var feeds = new HashSet<string>(StringComparer.Ordinal) { loop.CenterId };
        if (loop.EscalatedTo is { } to)
        {
            feeds.Add(to);
        }

        if (before?.EscalatedTo is { } earlier)
        {
            feeds.Add(earlier);
        }

        foreach (var centerId in feeds)
        {
            await GrainFactory.GetGrain<Live.ILiveFeedGrain>(Live.LiveScope.Center(centerId)).PublishAsync(HelpRequestLive.Key(Id), live);
        }

        await feed.PublishAsync([.. loop.History.Select((_, i) => FeedEvents.HelpRequestStage(loop, i))]);
    }

    /// <summary>The center's queue keeps the request's due time: what wakes it when no timer here runs.</summary>
    private Task TellQueueAsync() => Loop is { } loop
        ? GrainFactory.GetGrain<IOrderQueueGrain>(loop.CenterId).UpsertAsync(QueueItem(loop), loop.IsFinished)
        : Task.CompletedTask;

    /// <summary>A timer for the next limit while active (the queue's reminder covers the time it is not).</summary>
    private void ArmTimer()
    {
        var due = Loop?.DueAt;
        if (due == _armedFor && (_deadline.IsArmed || due is null))
        {
            return;
        }

        _deadline.Cancel();
        _armedFor = due;
        if (due is { } at)
        {
            _deadline.Request(this, at - clock.GetUtcNow());
        }
    }

    private async Task OnDeadlineAsync()
    {
        _armedFor = null;
        await CheckDeadlinesAsync();
        ArmTimer();
    }

    private HelpRequestTicket? Project() =>
        state.State.Ticket is { } t && Loop is { } loop ? t with { State = loop.Stage, Owner = loop.Owner?.Id } : state.State.Ticket;

    private static string? By(string actor, LoopAssignee handler, string? note) =>
        actor == handler.Id ? note : $"{note ?? ""}{(note is null ? "" : " ")}(recorded by {actor})".Trim();

    [LoggerMessage(Level = LogLevel.Information, Message = "Help request {HelpRequestId} opened at {CenterId} ({Function})")]
    private partial void LogOpened(string helpRequestId, string centerId, BasicFunction function);

    [LoggerMessage(Level = LogLevel.Information, Message = "Help request {HelpRequestId} refused ({Kind}): {Reason}")]
    private partial void LogRefused(string helpRequestId, HelpRequestRefusal kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Help request {HelpRequestId} overdue: escalated to {CenterId} (level {Level})")]
    private partial void LogEscalated(string helpRequestId, string centerId, int level);
}
