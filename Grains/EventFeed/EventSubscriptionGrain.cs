using Lianxin.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lianxin.EventFeed;

/// <summary>
/// One subscriber's delivery. While active, one loop reads the region's events after the durable cursor and sends them
/// in cursor order, one request at a time: one event per request, or in batch mode up to the subscription's batch size
/// (so one round trip carries hundreds of events, and the order within it is the cursor's). The cursor moves only past
/// events the receiver answered 2xx (at-least-once), and is written after each page. A failed request is retried whole
/// with growing backoff and nothing after it is sent meanwhile (order per source); once it has used up the retry budget it becomes a dead letter and delivery is suspended until
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
    private const int BatchesPerPage = 4;

    private readonly SemaphoreSlim _writes = new(1, 1);
    private Task _cursorWrite = Task.CompletedTask;
    private bool _cursorDirty;
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

        await _cursorWrite;
        if (_cursorDirty && Live)
        {
            await WriteCursorBehindAsync();
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
        var size = definition.Mode == DeliveryMode.Batch ? Math.Max(1, definition.BatchSize) : 1;
        // In batch mode a page holds several whole batches: one read and one cursor write serve them all.
        var pageSize = definition.Mode == DeliveryMode.Batch ? Math.Max(Options.PageSize, size * BatchesPerPage) : Options.PageSize;
        var page = await log.ReadAsync(definition.RegionId, State.Cursor, pageSize, stop);
        var records = page.Records;
        var moved = false;
        for (var start = 0; start < records.Count; start += size)
        {
            var count = Math.Min(size, records.Count - start);
            var error = definition.Mode == DeliveryMode.Batch
                ? await push.SendBatchAsync(definition.Url, State.Secret, Id, records, start, count, stop)
                : await push.SendAsync(definition.Url, State.Secret, Id, records[start], stop);
            if (!Live)
            {
                return Timeout.InfiniteTimeSpan;
            }

            if (error is not null)
            {
                // The batch is sent again whole: its first event is the one that waits (and may become a dead letter).
                await FailAsync(records[start], error);
                return State.Phase == SubscriptionPhase.Active ? State.NextAttemptAt!.Value - clock.GetUtcNow() : Timeout.InfiniteTimeSpan;
            }

            (State.Cursor, State.FailedAttempts, State.FirstFailedAt, State.NextAttemptAt, State.LastError) = (records[start + count - 1].Position, 0, null, null, null);
            State.Delivered += count;
            moved = true;
        }

        // A page of foreign events (or none) still moves the cursor to where the log ended when read.
        if (page.Next > State.Cursor && records.Count < pageSize)
        {
            State.Cursor = page.Next;
            moved |= records.Count > 0;
        }

        _cursorDirty |= moved;
        if (_cursorDirty && _cursorWrite.IsCompleted)
        {
            // The cursor is written behind delivery, one write at a time, while the next page is read and sent: the
            // stored cursor is at most a write behind the delivered one, which after a restart means those events are
            // sent again (at least once), never skipped. A write that fails is made again after the next page.
            _cursorDirty = false;
            _cursorWrite = WriteCursorBehindAsync();
        }

        return records.Count == pageSize ? TimeSpan.Zero : Options.PollInterval;
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

    /// <summary>Never fails: a cursor that could not be written stays to be written after the next page.</summary>
    private async Task WriteCursorBehindAsync()
    {
        try
        {
            await WriteAsync();
        }
        catch (Exception e)
        {
            _cursorDirty = true;
            LogCursorWriteFailed(e, Id);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId}: delivering {FeedEventId} failed (attempt {Attempt}): {Error}")]
    private partial void LogDeliveryFailed(string subscriptionId, string feedEventId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription {SubscriptionId} suspended: {FeedEventId} used up its {Attempts} attempts and is a dead letter")]
    private partial void LogSuspended(string subscriptionId, string feedEventId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId}: writing the cursor failed; it is written again after the next page")]
    private partial void LogCursorWriteFailed(Exception exception, string subscriptionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription {SubscriptionId}: the delivery loop failed; it tries again")]
    private partial void LogLoopFailed(Exception exception, string subscriptionId);
}
