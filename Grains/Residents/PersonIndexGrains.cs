using Lianxin.Common;

namespace Lianxin.Residents;

/// <summary>The persisted ids of one person's index, oldest first. A schema: members only added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.PersonIndexState")]
public sealed class PersonIndexState
{
    [Id(0)] public List<string> Ids { get; set; } = [];
}

/// <summary>A person's newest ids of one kind, newest first when listed; the oldest drop out past <see cref="MaxKept"/>.</summary>
internal abstract class PersonIndexGrain(IPersistentState<PersonIndexState> state) : Grain
{
    public const int MaxKept = 200;

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. Enumerable.Reverse(state.State.Ids)]);

    protected async Task AddAsync(string id)
    {
        if (state.State.Ids.Contains(id, StringComparer.Ordinal))
        {
            return;
        }

        state.State.Ids.Add(id);
        if (state.State.Ids.Count > MaxKept)
        {
            state.State.Ids.RemoveRange(0, state.State.Ids.Count - MaxKept);
        }

        await state.WriteStateAsync();
    }
}

/// <summary>One person's help requests (see <see cref="IPersonHelpRequestsGrain"/>).</summary>
internal sealed class PersonHelpRequestsGrain(
    [PersistentState(StorageNames.PersonHelpRequestsState, StorageNames.Default)] IPersistentState<PersonIndexState> state)
    : PersonIndexGrain(state), IPersonHelpRequestsGrain
{
    public Task TrackAsync(string helpRequestId) => AddAsync(helpRequestId);
}

/// <summary>One person's activity sign-ups (see <see cref="IPersonSignUpsGrain"/>).</summary>
internal sealed class PersonSignUpsGrain(
    [PersistentState(StorageNames.PersonSignUpsState, StorageNames.Default)] IPersistentState<PersonIndexState> state)
    : PersonIndexGrain(state), IPersonSignUpsGrain
{
    public Task NoteAsync(string activityId) => AddAsync(activityId);
}
