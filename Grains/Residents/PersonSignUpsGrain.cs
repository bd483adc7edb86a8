using Lianxin.Common;

namespace Lianxin.Residents;

/// <summary>The persisted activity ids of one person, oldest first. A schema: members only added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.PersonSignUpsState")]
public sealed class PersonSignUpsState
{
    [Id(0)] public List<string> Ids { get; set; } = [];
}

/// <summary>One person's sign-ups (see <see cref="IPersonSignUpsGrain"/>); the oldest drop out past <see cref="MaxKept"/>.</summary>
internal sealed class PersonSignUpsGrain(
    [PersistentState(StorageNames.PersonSignUpsState, StorageNames.Default)] IPersistentState<PersonSignUpsState> state)
    : Grain, IPersonSignUpsGrain
{
    public const int MaxKept = 200;

    public async Task NoteAsync(string activityId)
    {
        if (state.State.Ids.Contains(activityId, StringComparer.Ordinal))
        {
            return;
        }

        state.State.Ids.Add(activityId);
        if (state.State.Ids.Count > MaxKept)
        {
            state.State.Ids.RemoveRange(0, state.State.Ids.Count - MaxKept);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. Enumerable.Reverse(state.State.Ids)]);
}
