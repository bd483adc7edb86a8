using Lianxin.Common;

namespace Lianxin.HelpRequests;

/// <summary>The persisted queue of a center. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.OrderQueueState")]
public sealed class OrderQueueState
{
    [Id(0)] public Dictionary<string, OrderQueueItem> Items { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A center's queue of unfinished requests and orders. Each request's actor tells it every change; it writes only when
/// what it holds changes, so a repeated tell (after a restart of the request) costs a comparison.
/// </summary>
internal sealed class OrderQueueGrain(
    [PersistentState(StorageNames.OrderQueueState, StorageNames.Live)] IPersistentState<OrderQueueState> state) : Grain, IOrderQueueGrain
{
    public async Task UpsertAsync(OrderQueueItem item, bool finished)
    {
        var items = state.State.Items;
        if (finished ? !items.Remove(item.Id) : items.TryGetValue(item.Id, out var held) && Same(held, item))
        {
            return;
        }

        if (!finished)
        {
            items[item.Id] = item;
        }

        await state.WriteStateAsync();
    }

    public Task<OrderQueuePage> GetPageAsync(HelpRequestState? stage, string? after, int limit) =>
        Task.FromResult(OrderQueue.Page(state.State.Items.Values, stage, after, Math.Clamp(limit, 1, 200)));

    // Records compare lists by reference: the claimers and skills are compared by content.
    private static bool Same(OrderQueueItem a, OrderQueueItem b) =>
        a with { Skills = [], ClaimedBy = [] } == b with { Skills = [], ClaimedBy = [] }
        && a.Skills.SequenceEqual(b.Skills, StringComparer.Ordinal) && a.ClaimedBy.SequenceEqual(b.ClaimedBy, StringComparer.Ordinal);
}
