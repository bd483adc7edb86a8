using Lianxin.Common;
using Lianxin.Governance;
using Microsoft.Extensions.Options;

namespace Lianxin.HelpRequests;

/// <summary>The persisted queue of a center. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.OrderQueueState")]
public sealed class OrderQueueState
{
    [Id(0)] public Dictionary<string, OrderQueueItem> Items { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// When each of the center's requests whose time limit runs is due, finished ones included (a resolved request's
    /// rating window): the book the center's reminder wakes requests from.
    /// </summary>
    [Id(1)] public Dictionary<string, DateTimeOffset> Due { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A center's queue of unfinished requests and orders. Each request's actor tells it every change; it writes only when
/// what it holds changes, so a repeated tell (after a restart of the request) costs a comparison.
/// It also keeps the center's one durable reminder for the requests' time limits: a request's own timer applies its
/// limit while the request is active; after a restart or failover nothing holds that timer, so every
/// <see cref="ClosedLoopLimitsOptions.DueSweep"/> the reminder wakes the requests whose time has come. One reminder per
/// center, registered once while any limit runs, instead of one durable reminder (and one commit) per request.
/// </summary>
internal sealed class OrderQueueGrain(
    [PersistentState(StorageNames.OrderQueueState, StorageNames.Live)] IPersistentState<OrderQueueState> state,
    DomainClock clock,
    IOptions<ClosedLoopLimitsOptions> limits) : Grain, IOrderQueueGrain, IRemindable
{
    private const string ReminderName = "due-requests";

    /// <summary>Whether this activation knows the reminder is registered (asked once, then kept).</summary>
    private bool _reminderKnown;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A queue written before it kept due times: its open requests' limits are in their items.
        foreach (var item in state.State.Items.Values)
        {
            if (item.DueAt is { } due)
            {
                state.State.Due.TryAdd(item.Id, due);
            }
        }

        return Task.CompletedTask;
    }

    public async Task UpsertAsync(OrderQueueItem item, bool finished)
    {
        var items = state.State.Items;
        var changed = finished ? items.Remove(item.Id) : !(items.TryGetValue(item.Id, out var held) && Same(held, item));
        if (!finished && changed)
        {
            items[item.Id] = item;
        }

        changed |= NoteDue(item.Id, item.DueAt);
        if (changed)
        {
            await state.WriteStateAsync();
        }

        if (item.DueAt is not null)
        {
            await EnsureReminderAsync();
        }
    }

    public Task<OrderQueuePage> GetPageAsync(HelpRequestState? stage, string? after, int limit) =>
        Task.FromResult(OrderQueue.Page(state.State.Items.Values, stage, after, Math.Clamp(limit, 1, 200)));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminderKnown = true;
        if (state.State.Due.Count == 0)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderKnown = false;
            return;
        }

        // One way: each woken request tells this queue where it stands, which a waiting call here would deadlock.
        var now = clock.UtcNow;
        foreach (var (id, due) in state.State.Due)
        {
            if (due <= now)
            {
                GrainFactory.GetGrain<IHelpRequestGrain>(id).WakeAsync().Ignore();
            }
        }
    }

    private bool NoteDue(string id, DateTimeOffset? dueAt)
    {
        var due = state.State.Due;
        if (dueAt is { } at)
        {
            if (due.TryGetValue(id, out var held) && held == at)
            {
                return false;
            }

            due[id] = at;
            return true;
        }

        return due.Remove(id);
    }

    private async Task EnsureReminderAsync()
    {
        if (_reminderKnown)
        {
            return;
        }

        // A read, not a write: registered once per center while limits run, however many requests it opens.
        if (await this.GetReminder(ReminderName) is null)
        {
            var sweep = limits.Value.DueSweep;
            await this.RegisterOrUpdateReminder(ReminderName, sweep, sweep);
        }

        _reminderKnown = true;
    }

    // Records compare lists by reference: the claimers and skills are compared by content.
    private static bool Same(OrderQueueItem a, OrderQueueItem b) =>
        a with { Skills = [], ClaimedBy = [] } == b with { Skills = [], ClaimedBy = [] }
        && a.Skills.SequenceEqual(b.Skills, StringComparer.Ordinal) && a.ClaimedBy.SequenceEqual(b.ClaimedBy, StringComparer.Ordinal);
}
