using Lianxin.Common;
using Lianxin.HelpRequests;

namespace Lianxin.Residents;

/// <summary>The persisted ids of one person's index, oldest first. A schema: members only added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.PersonIndexState")]
public sealed class PersonIndexState
{
    [Id(0)] public List<string> Ids { get; set; } = [];

    /// <summary>Ids whose item reached a final state (a help request rated, closed or rejected): never asked about again.</summary>
    [Id(1)] public List<string> Finished { get; set; } = [];
}

/// <summary>A person's newest ids of one kind, newest first when listed; the oldest drop out past <see cref="MaxKept"/>.</summary>
internal abstract class PersonIndexGrain(IPersistentState<PersonIndexState> state) : Grain
{
    public const int MaxKept = 200;

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. Enumerable.Reverse(state.State.Ids)]);

    protected PersonIndexState State => state.State;

    protected Task WriteAsync() => state.WriteStateAsync();

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
            state.State.Finished.RemoveAll(f => !state.State.Ids.Contains(f, StringComparer.Ordinal));
        }

        await state.WriteStateAsync();
    }
}

/// <summary>
/// One person's help requests (see <see cref="IPersonHelpRequestsGrain"/>). Open needs are counted by asking the
/// tickets that may still be open: one that reached a final state is remembered and not asked again, so a resident's
/// long history costs nothing, and a request of the limit asks only their few live tickets.
/// </summary>
internal sealed class PersonHelpRequestsGrain(
    [PersistentState(StorageNames.PersonHelpRequestsState, StorageNames.Default)] IPersistentState<PersonIndexState> state)
    : PersonIndexGrain(state), IPersonHelpRequestsGrain
{
    /// <summary>Admitted here and not yet found opened: counted as open, so a need admitted a moment ago still counts.</summary>
    private readonly HashSet<string> _admitted = new(StringComparer.Ordinal);

    public Task TrackAsync(string helpRequestId) => AddAsync(helpRequestId);

    public async Task<int> CountOpenAsync()
    {
        var (open, newlyFinished) = await ReadOpenAsync();
        if (newlyFinished)
        {
            await WriteAsync();
        }

        return open;
    }

    public async Task<bool> AdmitAsync(string helpRequestId, int maxOpen)
    {
        var (open, newlyFinished) = await ReadOpenAsync();
        if (open >= maxOpen)
        {
            if (newlyFinished)
            {
                await WriteAsync();
            }

            return false;
        }

        _admitted.Add(helpRequestId);
        await AddAsync(helpRequestId);
        return true;
    }

    private async Task<(int Open, bool NewlyFinished)> ReadOpenAsync()
    {
        var live = State.Ids.Except(State.Finished, StringComparer.Ordinal).ToList();
        var tickets = await Task.WhenAll(live.Select(id => GrainFactory.GetGrain<IHelpRequestGrain>(id).GetAsync()));
        var (open, newlyFinished) = (0, false);
        for (var i = 0; i < live.Count; i++)
        {
            if (tickets[i] is not { } ticket)
            {
                // Not found: on its way (admitted, not yet opened: open) or never opened (not a need).
                open += _admitted.Contains(live[i]) ? 1 : 0;
                continue;
            }

            _admitted.Remove(live[i]);
            if (ticket.State is HelpRequestState.Rated or HelpRequestState.Closed or HelpRequestState.Rejected)
            {
                State.Finished.Add(live[i]);
                newlyFinished = true;
            }
            else if (ticket.State is not HelpRequestState.Resolved)
            {
                open++;
            }
        }

        return (open, newlyFinished);
    }
}

/// <summary>One person's activity sign-ups (see <see cref="IPersonSignUpsGrain"/>).</summary>
internal sealed class PersonSignUpsGrain(
    [PersistentState(StorageNames.PersonSignUpsState, StorageNames.Default)] IPersistentState<PersonIndexState> state)
    : PersonIndexGrain(state), IPersonSignUpsGrain
{
    public Task NoteAsync(string activityId) => AddAsync(activityId);
}
