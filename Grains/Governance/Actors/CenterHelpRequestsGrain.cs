using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>
/// A center's help requests of one year as their tickets report them. A report whose last step is older than the one
/// held is older (reports can cross) and is ignored; a report equal to the one held writes nothing.
/// </summary>
internal sealed class CenterHelpRequestsGrain(
    [PersistentState(StorageNames.CenterHelpRequestsState, StorageNames.Live)] IPersistentState<CenterHelpRequestsState> state) : Grain, ICenterHelpRequestsGrain
{
    public async Task UpsertAsync(LoopTicket ticket)
    {
        if (state.State.Tickets.TryGetValue(ticket.Id, out var held) && !IsNewer(ticket, held))
        {
            return;
        }

        state.State.Tickets[ticket.Id] = ticket;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<LoopTicket>> ListAsync() =>
        Task.FromResult<IReadOnlyList<LoopTicket>>([.. state.State.Tickets.Values.OrderBy(t => t.RaisedAt).ThenBy(t => t.Id, StringComparer.Ordinal)]);

    /// <summary>
    /// Tickets report themselves with their last step only; a step at a later moment is newer. At the same moment
    /// the report wins unless it is the same ticket again.
    /// </summary>
    private static bool IsNewer(LoopTicket report, LoopTicket held) =>
        Moment(report) > Moment(held)
        || (Moment(report) == Moment(held)
            && (report.Stage != held.Stage || report.EscalationLevel != held.EscalationLevel || report.Owner != held.Owner || report.Rating != held.Rating));

    private static DateTimeOffset Moment(LoopTicket t) => t.History.Count > 0 ? t.History[^1].At : t.RaisedAt;
}
