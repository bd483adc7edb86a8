using Lianxin.Common;

namespace Lianxin.Residents;

/// <summary>The persisted ticket ids of one person, oldest first. A schema: members only added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.PersonHelpRequestsState")]
public sealed class PersonHelpRequestsState
{
    [Id(0)] public List<string> Ids { get; set; } = [];
}

/// <summary>One person's help requests (see <see cref="IPersonHelpRequestsGrain"/>); the oldest drop out past <see cref="MaxKept"/>.</summary>
internal sealed class PersonHelpRequestsGrain(
    [PersistentState(StorageNames.PersonHelpRequestsState, StorageNames.Default)] IPersistentState<PersonHelpRequestsState> state)
    : Grain, IPersonHelpRequestsGrain
{
    public const int MaxKept = 200;

    public async Task TrackAsync(string helpRequestId)
    {
        if (state.State.Ids.Contains(helpRequestId, StringComparer.Ordinal))
        {
            return;
        }

        state.State.Ids.Add(helpRequestId);
        if (state.State.Ids.Count > MaxKept)
        {
            state.State.Ids.RemoveRange(0, state.State.Ids.Count - MaxKept);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. Enumerable.Reverse(state.State.Ids)]);
}
