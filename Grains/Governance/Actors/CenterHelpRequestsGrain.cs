using Lianxin.Common;
using Orleans.Serialization;

namespace Lianxin.Governance;

/// <summary>
/// A center's help requests of one year as their tickets report them. A report whose last step is older than the one
/// held is older (reports can cross) and is ignored; a report equal to the one held writes nothing.
/// The tickets are a book (<see cref="IBookStore"/>): a report writes its own ticket, not the year's.
/// </summary>
internal sealed class CenterHelpRequestsGrain(
    [PersistentState(StorageNames.CenterHelpRequestsState, StorageNames.Live)] IPersistentState<CenterHelpRequestsState> earlier,
    IBookStore books,
    Serializer<LoopTicket> serializer) : Grain, ICenterHelpRequestsGrain
{
    private Book<LoopTicket> _tickets = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tickets = await Book<LoopTicket>.ReadAsync(books, serializer, StorageNames.CenterHelpRequestsState, this.GetPrimaryKeyString());
        // A year kept as one state before books: its tickets move into the book once, then the state is gone.
        if (earlier.State.Tickets.Count > 0)
        {
            await _tickets.AddMissingAsync(earlier.State.Tickets);
            await earlier.ClearStateAsync(cancellationToken);
        }
    }

    public async Task UpsertAsync(LoopTicket ticket)
    {
        if (_tickets.Entries.TryGetValue(ticket.Id, out var held) && !IsNewer(ticket, held))
        {
            return;
        }

        await _tickets.SetAsync(ticket.Id, ticket);
    }

    public Task<IReadOnlyList<LoopTicket>> ListAsync() =>
        Task.FromResult<IReadOnlyList<LoopTicket>>([.. _tickets.Entries.Values.OrderBy(t => t.RaisedAt).ThenBy(t => t.Id, StringComparer.Ordinal)]);

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
