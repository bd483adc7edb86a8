using Lianxin.Common;
using Lianxin.Governance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Lianxin.HelpRequests;

/// <summary>A center's queue as one state, before it was a book: read once to move its requests into it.</summary>
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
/// One request in a center's queue book: the request while it is unfinished, and when it is due while its time limit
/// runs (a finished request's rating window included): what the center's reminder wakes requests from.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.OrderQueueEntry")]
public sealed record OrderQueueEntry([property: Id(0)] OrderQueueItem? Item, [property: Id(1)] DateTimeOffset? DueAt);

/// <summary>
/// A center's queue of unfinished requests and orders. Each request's actor tells it every change; it writes only when
/// what it holds changes, so a repeated tell (after a restart of the request) costs a comparison.
/// It also keeps the center's one durable reminder for the requests' time limits: a request's own timer applies its
/// limit while the request is active; after a restart or failover nothing holds that timer, so every
/// <see cref="ClosedLoopLimitsOptions.DueSweep"/> the reminder wakes the requests whose time has come. One reminder per
/// center, registered once while any limit runs, instead of one durable reminder (and one commit) per request.
/// </summary>
internal sealed class OrderQueueGrain(
    [PersistentState(StorageNames.OrderQueueState, StorageNames.Live)] IPersistentState<OrderQueueState> earlier,
    IBookStore books,
    Serializer<OrderQueueEntry> serializer,
    [FromKeyedServices(CentersClock.Key)] TimeProvider clock,
    IOptions<ClosedLoopLimitsOptions> limits) : Grain, IOrderQueueGrain, IRemindable
{
    private const string ReminderName = "due-requests";

    /// <summary>Whether this activation knows the reminder is registered (asked once, then kept).</summary>
    private bool _reminderKnown;

    /// <summary>The queue's requests, each written on its own (<see cref="IBookStore"/>).</summary>
    private Book<OrderQueueEntry> _queue = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _queue = await Book<OrderQueueEntry>.ReadAsync(books, serializer, StorageNames.OrderQueueState, this.GetPrimaryKeyString());
        // A queue kept as one state before books: its requests move into the book once, then the state is gone. A
        // queue written before it kept due times has its open requests' limits in their items.
        var (items, due) = (earlier.State.Items, earlier.State.Due);
        if (items.Count + due.Count > 0)
        {
            await _queue.AddMissingAsync(items.Keys.Union(due.Keys, StringComparer.Ordinal).Select(id =>
                KeyValuePair.Create(id, new OrderQueueEntry(items.GetValueOrDefault(id), due.TryGetValue(id, out var at) ? at : items.GetValueOrDefault(id)?.DueAt))));
            await earlier.ClearStateAsync(cancellationToken);
        }
    }

    public async Task UpsertAsync(OrderQueueItem item, bool finished)
    {
        var held = _queue.Entries.GetValueOrDefault(item.Id);
        var next = new OrderQueueEntry(finished ? null : item, item.DueAt);
        if (held is null || held.DueAt != next.DueAt || !Same(held.Item, next.Item))
        {
            await (next is { Item: null, DueAt: null } ? _queue.RemoveAsync(item.Id) : _queue.SetAsync(item.Id, next));
        }

        if (item.DueAt is not null)
        {
            await EnsureReminderAsync();
        }
    }

    public Task<OrderQueuePage> GetPageAsync(HelpRequestState? stage, string? after, int limit) =>
        Task.FromResult(OrderQueue.Page(_queue.Entries.Values.Select(e => e.Item).OfType<OrderQueueItem>(), stage, after, Math.Clamp(limit, 1, 200)));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminderKnown = true;
        if (!_queue.Entries.Values.Any(e => e.DueAt is not null))
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderKnown = false;
            return;
        }

        // One way: each woken request tells this queue where it stands, which a waiting call here would deadlock.
        var now = clock.GetUtcNow();
        foreach (var (id, entry) in _queue.Entries)
        {
            if (entry.DueAt <= now)
            {
                GrainFactory.GetGrain<IHelpRequestGrain>(id).WakeAsync().Ignore();
            }
        }
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
    private static bool Same(OrderQueueItem? a, OrderQueueItem? b) =>
        a is null || b is null ? a == b : a with { Skills = [], ClaimedBy = [] } == b with { Skills = [], ClaimedBy = [] }
        && a.Skills.SequenceEqual(b.Skills, StringComparer.Ordinal) && a.ClaimedBy.SequenceEqual(b.ClaimedBy, StringComparer.Ordinal);
}
