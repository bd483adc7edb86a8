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

    public Task HoursDecidedAsync(Guid hoursId)
    {
        if (State.HoursAwaiting.Remove(hoursId))
        {
            Changed();
        }

        return Task.CompletedTask;
    }

    /// <summary>A volunteer visit closed (or its check-out changed): its hours await a decision, and its person's ledger is told.</summary>
    private void AwaitDecision(Visit visit)
    {
        var awaiting = new HoursAwaitingDecision(visit.Id, visit.PersonId, visit.CheckedInAt, visit.CheckedOutAt!.Value, visit.CheckOutKind == CheckOutKind.Automatic);
        State.HoursAwaiting[visit.Id] = awaiting;
        State.Outbox[$"hours:{visit.Id}"] = new OutboxItem(++State.OutboxVersion, visit.PersonId, null, AsHours(awaiting));
        if (State.HoursAwaiting.Count > HoursAwaitingKept)
        {
            // No longer listed here, so no longer found here by a ledger that restarts: that ledger writes them.
            var oldest = State.HoursAwaiting.Values.MinBy(h => h.From)!;
            State.HoursAwaiting.Remove(oldest.HoursId);
            State.Outbox[$"keep:{oldest.HoursId}"] = new OutboxItem(++State.OutboxVersion, oldest.PersonId, null, AsHours(oldest), Keep: true);
        }
    }

    private ServiceHours AsHours(HoursAwaitingDecision h) => new(h.HoursId, Id, h.From, h.To, h.Automatic);
}
