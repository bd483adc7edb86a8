using Lianxin.Common;
using Lianxin.Common.Journal;
using Lianxin.EventFeed;
using Lianxin.Kiosks;
using Lianxin.Volunteers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lianxin.Activities;

/// <summary>
/// One activity. Every step joins one queue in the order it arrives; the queue decides steps against the
/// <see cref="SignUpBook"/> in that order and journals a whole batch in one append (group commit), answering each step
/// only after its batch is durable. A flash crowd of thousands of sign-ups costs a few dozen appends, not thousands.
/// Reentrant so that steps keep arriving while a batch is being written; only the queue changes the book.
/// </summary>
[Reentrant]
internal sealed partial class ServiceActivityGrain : Grain, IServiceActivityGrain, IRemindable
{
    /// <summary>Steps per append at most: a larger group holds its commit longer for little gain.</summary>
    private const int MaxBatch = 2000;

    private const int ReplayPage = 5000;

    private readonly IEventJournal _journal;
    private readonly TimeProvider _clock;
    private readonly ILogger<ServiceActivityGrain> _logger;
    private readonly IEventFeed _feed;

    /// <summary>The centers' time zone: an activity's days are local days.</summary>
    private readonly TimeZoneInfo _zone;
    private readonly SignUpBook _book = new();
    private readonly GroupCommitQueue<PendingStep> _queue;
    private long _sequence;
    private Exception? _broken;

    public ServiceActivityGrain(IEventJournal journal, TimeProvider clock, IEventFeed feed, IOptions<KioskOptions> kiosks, ILogger<ServiceActivityGrain> logger)
    {
        (_journal, _clock, _feed, _zone, _logger) = (journal, clock, feed, kiosks.Value.Zone, logger);
        _queue = new GroupCommitQueue<PendingStep>(CommitAsync, MaxBatch);
    }

    private string Id => this.GetPrimaryKeyString();

    private DateTimeOffset Now => _clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var steps = new List<ActivityEvent>();
        for (var after = 0L; ;)
        {
            var page = await _journal.ReadAsync(ActivityEvents.Stream(Id), after, ReplayPage, cancellationToken);
            steps.AddRange(page.Select(r => ActivityEvents.Read(r.Entry)));
            if (page.Count < ReplayPage)
            {
                break;
            }

            after = page[^1].Position;
        }

        // The sequence, not the journal position, orders steps: it is what the writer decided them in.
        foreach (var step in steps.OrderBy(s => s.Sequence))
        {
            _book.Apply(step);
            _sequence = step.Sequence;
        }

        if (steps.Count > 0)
        {
            LogReplayed(Id, steps.Count, _book.Attempts);
        }

        await ScheduleAsync();
    }

    public async Task<ActivityStepResult> PublishAsync(ActivityDefinition definition)
    {
        if (Readable().Definition is null && definition.ProviderId is { } providerId
            && await Outsourcing.RefusalAsync(GrainFactory, _zone, definition, providerId) is { } refusal)
        {
            return ActivityStepResult.Refused(refusal);
        }

        var result = (await EnqueueAsync(new ActivityEvent(0, ActivityEvent.Published, Now, By: definition.PublishedBy, Definition: definition))).Step!;
        if (result.Outcome == ActivityStepOutcome.Done)
        {
            await RecordInCalendarAsync();
            await ScheduleAsync();
            var published = _book.Definition!;
            if (published.ProviderId is { } engaged)
            {
                await GrainFactory.GetGrain<Providers.IProviderGrain>(engaged).RecordUseAsync(published.CenterId);
            }

            // A repeated publish publishes again: the feed keeps the first, and one a crash cut off goes out now.
            await _feed.PublishAsync([FeedEvents.ActivityPublished(published)]);
        }

        return result;
    }

    public Task<ActivityView?> GetAsync() => Task.FromResult(Readable().View());

    public async Task<SignUpAnswer> SignUpAsync(SignUpAttempt attempt)
    {
        var step = new ActivityEvent(0, ActivityEvent.Attempt, Now, attempt.PersonId, attempt.IdempotencyKey, attempt.By);
        // The look-up starts now, concurrently with other arrivals; the queue waits for it at this attempt's turn.
        var admission = Readable().Definition is { } definition && AudienceRule.NeedsPerson(definition) ? AdmitAsync(definition, attempt.PersonId) : null;
        return (await EnqueueAsync(step, admission)).SignUp!;
    }

    public Task<PersonPlace?> GetPlaceAsync(string personId) => Task.FromResult(Readable().Place(personId));

    public Task<IReadOnlyList<PersonPlace>> GetPlacesAsync() => Task.FromResult(Readable().Places());

    public async Task<ActivityStepResult> CancelSignUpAsync(string personId, string by) =>
        (await EnqueueAsync(new ActivityEvent(0, ActivityEvent.SignUpCancelled, Now, personId, By: by))).Step!;

    public async Task<ActivityStepResult> ConfirmOfferAsync(string personId, string by) =>
        (await EnqueueAsync(new ActivityEvent(0, ActivityEvent.OfferConfirmed, Now, personId, By: by))).Step!;

    public async Task<ActivityStepResult> CheckInAsync(string personId, string by) =>
        (await EnqueueAsync(new ActivityEvent(0, ActivityEvent.CheckedIn, Now, personId, By: by))).Step!;

    public async Task<ActivityStepResult> CancelAsync(string reason, string by)
    {
        var result = (await EnqueueAsync(new ActivityEvent(0, ActivityEvent.Cancelled, Now, By: by, Reason: reason))).Step!;
        if (result.Outcome == ActivityStepOutcome.Done)
        {
            await RecordInCalendarAsync();
            await ScheduleAsync();
            await _feed.PublishAsync([FeedEvents.ActivityCancelled(_book.Definition!, reason, Now)]);
        }

        return result;
    }

    private Task<BookResult> EnqueueAsync(ActivityEvent step, Task<string?>? admission = null)
    {
        Readable();
        var pending = new PendingStep(step, admission);
        _queue.Add(pending);
        return pending.Completion.Task;
    }

    /// <summary>Decides a batch in arrival order, journals what changed in one append, then answers every step of it.</summary>
    private async Task CommitAsync(IReadOnlyList<PendingStep> batch)
    {
        var decided = new List<(PendingStep Step, BookResult Result)>(batch.Count);
        var entries = new List<JournalEntry>();
        try
        {
            foreach (var pending in batch)
            {
                if (_broken is not null)
                {
                    throw Unavailable();
                }

                var refusal = pending.Event.Type == ActivityEvent.Attempt ? await RefusalAsync(pending) : null;
                var result = refusal is not null
                    ? new BookResult(false, SignUpAnswer.Refused(SignUpOutcome.Refused, refusal))
                    : _book.Apply(pending.Event);
                if (result.Changed)
                {
                    entries.Add(ActivityEvents.Entry(Id, pending.Event with { Sequence = ++_sequence }));
                }

                decided.Add((pending, result));
            }

            if (entries.Count > 0)
            {
                var stored = await _journal.AppendAsync(entries, CancellationToken.None);
                if (stored.Any(p => p == 0))
                {
                    throw new ActivityUnavailableException($"Activity '{Id}' was written by another activation: it is read again.");
                }
            }
        }
        catch (Exception e)
        {
            // The book may hold steps the journal does not (or the append's fate is unknown): only a fresh activation,
            // reading the journal, knows the truth. Nobody of this batch was answered yet.
            Break(e);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(Unavailable());
            }

            return;
        }

        foreach (var (pending, result) in decided)
        {
            pending.Completion.TrySetResult(result);
            AfterCommit(pending.Event, result);
        }

        if (decided.Any(d => d.Result.Changed))
        {
            ArmTimer();
        }
    }

    private async Task<string?> RefusalAsync(PendingStep pending)
    {
        if (_book.Definition is not { } definition || !AudienceRule.NeedsPerson(definition))
        {
            return null;
        }

        return await (pending.Admission ?? AdmitAsync(definition, pending.Event.PersonId!));
    }

    private async Task<string?> AdmitAsync(ActivityDefinition definition, string personId)
    {
        var profile = await GrainFactory.GetGrain<IVolunteerGrain>(personId).GetProfileAsync();
        var team = definition is { Audience: ActivityAudience.Team, TeamId: { } teamId } ? await GrainFactory.GetGrain<Hosting.IVolunteerTeamGrain>(teamId).GetAsync() : null;
        return AudienceRule.Refusal(definition, personId, profile, team);
    }

    /// <summary>Tells the people a step concerns, once it is durable.</summary>
    private void AfterCommit(ActivityEvent step, BookResult result)
    {
        var title = _book.Definition?.Title ?? "";
        foreach (var offer in result.OffersMade)
        {
            ActivityFeeds.Tell(GrainFactory, offer.PersonId, new ActivityNotice(Id, title, ActivityNoticeKind.PlaceOffered, null, offer.OfferExpiresAt, step.At));
        }

        foreach (var personId in result.ToTell)
        {
            ActivityFeeds.Tell(GrainFactory, personId, new ActivityNotice(Id, title, ActivityNoticeKind.ActivityCancelled, step.Reason, null, step.At));
        }

        if (step.Type == ActivityEvent.Tick && _book.Phase == ActivityPhase.Ended && result.Changed)
        {
            RecordInCalendarAsync().Ignore();
        }
    }

    private Task RecordInCalendarAsync()
    {
        var d = _book.Definition!;
        return GrainFactory.GetGrain<IActivityCalendarGrain>(d.CenterId).RecordAsync(
            new ActivityEntry(d.Id, d.Title, d.Function, d.StartsAt, d.EndsAt, d.Room, d.Capacity, d.Audience, _book.Phase));
    }

    private void Break(Exception e)
    {
        if (_broken is null)
        {
            _broken = e;
            LogBroken(e, Id);
            this.DeactivateOnIdle();
        }
    }

    /// <summary>The book, unless this activation can no longer tell what is durable.</summary>
    private SignUpBook Readable() => _broken is null ? _book : throw Unavailable();

    private ActivityUnavailableException Unavailable() =>
        new($"Activity '{Id}' could not make a step durable and is being read again from the journal; whether this request took effect is unknown. Send it again.");

    /// <summary>A step waiting for its turn in the queue; <see cref="Admission"/> is the audience check already under way.</summary>
    private sealed record PendingStep(ActivityEvent Event, Task<string?>? Admission)
    {
        public TaskCompletionSource<BookResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId} replayed {Steps} steps, {Attempts} sign-up attempts")]
    private partial void LogReplayed(string activityId, int steps, long attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {ActivityId} could not make a batch durable; it is read again from the journal")]
    private partial void LogBroken(Exception exception, string activityId);
}
