using Lianxin.Common;

namespace Lianxin.Activities;

/// <summary>
/// A center's calendar: the activities it published, as their actors report them (published, cancelled, over). An
/// entry equal to the one held writes nothing.
/// </summary>
internal sealed class ActivityCalendarGrain(
    [PersistentState(StorageNames.ActivityCalendarState, StorageNames.Default)] IPersistentState<ActivityCalendarState> state) : Grain, IActivityCalendarGrain
{
    public async Task RecordAsync(ActivityEntry entry)
    {
        if (state.State.Activities.TryGetValue(entry.Id, out var held) && held == entry)
        {
            return;
        }

        state.State.Activities[entry.Id] = entry;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ActivityEntry>> ListAsync() => Task.FromResult<IReadOnlyList<ActivityEntry>>(
        [.. state.State.Activities.Values.OrderBy(a => a.StartsAt).ThenBy(a => a.Id, StringComparer.Ordinal)]);
}
