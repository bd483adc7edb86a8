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
}
