using Lianxin.Kiosks;
using Lianxin.Ledger;

namespace Lianxin.Activity;

/// <summary>
/// Volunteers' hours served here. A closed volunteer visit awaits a decision by staff; this center keeps the list
/// (durable with its presence: its snapshots and the kiosks' journal) and is where a person's ledger finds its pending
/// hours when it starts, so the ledger writes decisions but not each visit's hours.
/// </summary>
internal sealed partial class CenterActivityGrain
{
    /// <summary>At most this many hours await a decision here; the oldest beyond it go to their ledger to keep.</summary>
    private const int HoursAwaitingKept = 2000;

    public Task<IReadOnlyList<ServiceHours>> GetAwaitingHoursAsync(string personId) =>
        Task.FromResult<IReadOnlyList<ServiceHours>>([.. State.HoursAwaiting.Values.Where(h => h.PersonId == personId).Select(AsHours)]);

    /// <summary>
    /// The hours awaiting a decision by start, built from the state when first needed: when the list is full the oldest
    /// go to their ledger, one per closed visit, and finding it by scanning 2,000 entries was 7 % of the host's CPU at
    /// full-rate ingest.
    /// </summary>
    private SortedSet<(DateTimeOffset From, Guid Id)>? _awaitingByStart;

    private SortedSet<(DateTimeOffset From, Guid Id)> AwaitingByStart => _awaitingByStart ??= [.. State.HoursAwaiting.Values.Select(h => (h.From, h.HoursId))];

    private bool StopAwaiting(Guid hoursId)
    {
        if (!State.HoursAwaiting.Remove(hoursId, out var hours))
        {
            return false;
        }

        AwaitingByStart.Remove((hours.From, hoursId));
        return true;
    }

    public Task HoursDecidedAsync(Guid hoursId)
    {
        if (StopAwaiting(hoursId))
        {
            Changed();
        }

        return Task.CompletedTask;
    }

    /// <summary>A volunteer visit closed (or its check-out changed): its hours await a decision, and its person's ledger is told.</summary>
    private void AwaitDecision(Visit visit)
    {
        var awaiting = new HoursAwaitingDecision(visit.Id, visit.PersonId, visit.CheckedInAt, visit.CheckedOutAt!.Value, visit.CheckOutKind == CheckOutKind.Automatic);
        StopAwaiting(visit.Id);
        State.HoursAwaiting[visit.Id] = awaiting;
        AwaitingByStart.Add((awaiting.From, visit.Id));
        State.Outbox[$"hours:{visit.Id}"] = new OutboxItem(++State.OutboxVersion, visit.PersonId, null, AsHours(awaiting));
        if (State.HoursAwaiting.Count > HoursAwaitingKept)
        {
            // No longer listed here, so no longer found here by a ledger that restarts: that ledger writes them.
            var oldest = State.HoursAwaiting[AwaitingByStart.Min.Id];
            StopAwaiting(oldest.HoursId);
            State.Outbox[$"keep:{oldest.HoursId}"] = new OutboxItem(++State.OutboxVersion, oldest.PersonId, null, AsHours(oldest), Keep: true);
        }
    }

    private ServiceHours AsHours(HoursAwaitingDecision h) => new(h.HoursId, Id, h.From, h.To, h.Automatic);
}
