using Lianxin.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lianxin.EventFeed;

/// <summary>
/// One subscriber's delivery. While active, one loop reads the region's events after the durable cursor and sends them
/// one at a time in cursor order; the cursor moves only past an event the receiver answered 2xx (at-least-once), and
/// is written after each page. A failed event is retried with growing backoff and nothing after it is sent meanwhile
/// (order per source); once it has used up the retry budget it becomes a dead letter and delivery is suspended until
/// an operator resumes it. A one-minute reminder brings the actor (and its loop) back after a restart.
/// </summary>
internal sealed partial class EventSubscriptionGrain(
    [PersistentState(StorageNames.EventSubscriptionState, StorageNames.Default)] IPersistentState<EventSubscriptionState> state,
    IOutboundLog log,
    EventPushClient push,
    TimeProvider clock,
    IOptions<EventFeedOptions> options,
    ILogger<EventSubscriptionGrain> logger) : Grain, IEventSubscriptionGrain, IRemindable
{
    private const string ReminderName = "delivery";
    private const int DeadLetterMemory = 100;

    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;

    private string Id => this.GetPrimaryKeyString();

    private EventSubscriptionState State => state.State;

    private EventFeedOptions Options => options.Value;

    private bool Live => State.Definition is not null && State.Phase != SubscriptionPhase.Deleted;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        StartLoop();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Deactivation ran out of time: the cursor written last is where the next activation resumes.
            }
        }
    }

    public async Task<bool> CreateAsync(EventSubscriptionDefinition definition, string secret)
    {
        if (State.Definition is not null)
        {
            return false;
        }

        State.Definition = definition;
        State.Secret = secret;
        State.Cursor = definition.StartAfter;
        await WriteAsync();
        await GrainFactory.GetGrain<IEventSubscriptionDirectoryGrain>(0).AddAsync(
            new SubscriptionEntry(Id, await Centers.CenterAncestry.GetPathToRootAsync(GrainFactory, definition.RegionId)));
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        StartLoop();
        return true;
    }

    public Task<SubscriptionView?> GetAsync() => Task.FromResult(Live ? View() : null);

    public async Task<bool> DeleteAsync()
    {
        if (!Live)
        {
            return false;
        }

        State.Phase = SubscriptionPhase.Deleted;
        await WriteAsync();
        await GrainFactory.GetGrain<IEventSubscriptionDirectoryGrain>(0).RemoveAsync(Id);
        await _stop.CancelAsync();
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        return true;
    }

    public async Task<bool> ResumeAsync()
    {
        if (!Live || State.Phase != SubscriptionPhase.Suspended)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        State.Phase = SubscriptionPhase.Active;
        (State.FailedAttempts, State.FirstFailedAt, State.NextAttemptAt) = (0, null, null);
        if (State.DeadLetters.Count > 0 && State.DeadLetters[^1].ResumedAt is null)
        {
            State.DeadLetters[^1] = State.DeadLetters[^1] with { ResumedAt = now };
        }

        await WriteAsync();
        Wake();
        return true;
    }

    public Task WakeAsync()
    {
        Wake();
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        StartLoop();
        return Task.CompletedTask;
    }

    private void StartLoop()
    {
        if (Live && (_loop is null || _loop.IsCompleted) && !_stop.IsCancellationRequested)
        {
            _loop = DeliverLoopAsync(_stop.Token);
        }
    }

    private void Wake() => _wake.TrySetResult();

    private async Task DeliverLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && Live)
        {
            try
            {
                var wait = await DeliverPageAsync(stop);
                if (wait == Timeout.InfiniteTimeSpan || wait > TimeSpan.Zero)
                {
                    await WaitAsync(wait, stop);
                }
                else
                {
                    // A full page: the next one at once, but after whatever calls are waiting for this actor.
                    await Task.Yield();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The log or the state store is unreachable: the cursor is where it was; try again shortly.
                LogLoopFailed(e, Id);
                await WaitAsync(Options.Backoff, stop);
            }
        }
    }

    /// <summary>Delivers one page; answers how long to wait before the next (zero: at once).</summary>
    private async Task<TimeSpan> DeliverPageAsync(CancellationToken stop)
    {
        if (State.Phase != SubscriptionPhase.Active)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var now = clock.GetUtcNow();
        if (State.NextAttemptAt is { } next && next > now)
        {
            return next - now;
        }

        var definition = State.Definition!;
        var page = await log.ReadAsync(definition.RegionId, State.Cursor, Options.PageSize, stop);
        var moved = false;
        foreach (var record in page.Records)
        {
            var error = await push.SendAsync(definition.Url, State.Secret, Id, record, stop);
            if (!Live)
            {
                return Timeout.InfiniteTimeSpan;
            }

            if (error is not null)
            {
                await FailAsync(record, error);
                return State.Phase == SubscriptionPhase.Active ? State.NextAttemptAt!.Value - clock.GetUtcNow() : Timeout.InfiniteTimeSpan;
            }

            (State.Cursor, State.FailedAttempts, State.FirstFailedAt, State.NextAttemptAt, State.LastError) = (record.Position, 0, null, null, null);
            State.Delivered++;
            moved = true;
        }

        // A page of foreign events (or none) still moves the cursor to where the log ended when read.
        if (page.Next > State.Cursor && page.Records.Count < Options.PageSize)
        {
            State.Cursor = page.Next;
            moved |= page.Records.Count > 0;
        }

        if (moved)
        {
            await WriteAsync();
        }

        return page.Records.Count == Options.PageSize ? TimeSpan.Zero : Options.PollInterval;
    }

    private async Task FailAsync(FeedRecord record, string error)
    {
        var now = clock.GetUtcNow();
        State.FailedAttempts++;
        State.LastError = error;
        State.FirstFailedAt ??= now;
        LogDeliveryFailed(Id, record.Event.Id, State.FailedAttempts, error);
        if (State.FailedAttempts >= Options.RetryBudget)
        {
            State.Phase = SubscriptionPhase.Suspended;
            State.NextAttemptAt = null;
            State.DeadLetters.Add(new DeadLetter(
                record.Position, record.Event.Id, record.Event.Type, record.Event.Source, State.FailedAttempts, error, State.FirstFailedAt.Value, now));
            if (State.DeadLetters.Count > DeadLetterMemory)
            {
                State.DeadLetters.RemoveAt(0);
            }

            LogSuspended(Id, record.Event.Id, State.FailedAttempts);
        }
        else
        {
            State.NextAttemptAt = now + DeliveryBackoff.After(State.FailedAttempts, Options.Backoff, Options.MaxBackoff);
        }

        await WriteAsync();
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken stop)
    {
        var wake = _wake.Task;
        await Task.WhenAny(wake, Task.Delay(wait, clock, stop));
        if (wake.IsCompleted)
        {
            _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private async Task WriteAsync()
    {
        await _writes.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _writes.Release();
        }
    }

    private SubscriptionView View() => new(
        State.Definition!, State.Phase, State.Cursor, State.Delivered, State.FailedAttempts, State.LastError, State.NextAttemptAt, [.. State.DeadLetters]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId}: delivering {EventId} failed (attempt {Attempt}): {Error}")]
    private partial void LogDeliveryFailed(string subscriptionId, string eventId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription {SubscriptionId} suspended: {EventId} used up its {Attempts} attempts and is a dead letter")]
    private partial void LogSuspended(string subscriptionId, string eventId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription {SubscriptionId}: the delivery loop failed; it tries again")]
    private partial void LogLoopFailed(Exception exception, string subscriptionId);
}
