using Lianxin.Activity;
using Lianxin.Common;

namespace Lianxin.HelpRequests;

/// <summary>A help request ticket: opened once, counted open at its center.</summary>
internal sealed class HelpRequestGrain(
    [PersistentState(StorageNames.HelpRequestState, StorageNames.Default)] IPersistentState<HelpRequestGrainState> state) : Grain, IHelpRequestGrain
{
    public async Task<HelpRequestTicket> OpenAsync(HelpRequestTicket ticket)
    {
        if (state.State.Ticket is null)
        {
            state.State.Ticket = ticket with { Id = this.GetPrimaryKeyString(), State = HelpRequestState.Open, Owner = null };
            await state.WriteStateAsync();
        }

        // Told again on a repeated open: the center's count may not have been durable when a host stopped.
        var opened = state.State.Ticket;
        await GrainFactory.GetGrain<ICenterActivityGrain>(opened.CenterId).TrackHelpRequestAsync(opened.Id, opened.State == HelpRequestState.Open);
        return opened;
    }

    public Task<HelpRequestTicket?> GetAsync() => Task.FromResult(state.State.Ticket);
}
