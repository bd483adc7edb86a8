using Lianxin.Common;
using Microsoft.Extensions.Logging;

namespace Lianxin.EventFeed;

/// <summary>
/// The delivery loop: pages of the feed to the subscriber's endpoint in order, retries with backoff, dead letters, and
/// the cursor written behind each page.
/// </summary>
internal sealed partial class EventSubscriptionGrain
{
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId}: delivering {FeedEventId} failed (attempt {Attempt}): {Error}")]
    private partial void LogDeliveryFailed(string subscriptionId, string feedEventId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription {SubscriptionId} suspended: {FeedEventId} used up its {Attempts} attempts and is a dead letter")]
    private partial void LogSuspended(string subscriptionId, string feedEventId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId}: writing the cursor failed; it is written again after the next page")]
    private partial void LogCursorWriteFailed(Exception exception, string subscriptionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription {SubscriptionId}: the delivery loop failed; it tries again")]
    private partial void LogLoopFailed(Exception exception, string subscriptionId);
}
