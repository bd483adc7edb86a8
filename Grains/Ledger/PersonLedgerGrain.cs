using Lianxin.Activity;
using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.Kiosks;
using Microsoft.Extensions.Options;

namespace Lianxin.Ledger;

/// <summary>
/// A person's hours and points. Written before answering: staff decisions, kiosk redemptions with their outcome
/// (accepted or refused), and each center the person is first heard of at. A redemption is rare next to check-ins, and
/// one answered "accepted" must never vanish with a silo while the points stay spendable; every entry names its source
/// event, so a replayed or re-sent redemption is recognised and answered as the first time.
/// Hours awaiting a decision are not written per visit (they were most of the live path's writes): the center they
/// were served at keeps them awaiting a decision, durable with its presence, and a starting ledger asks its centers.
/// </summary>
internal sealed class PersonLedgerGrain(
    [PersistentState(StorageNames.PersonLedgerState, StorageNames.Live)] IPersistentState<PersonLedgerState> state,
    DomainClock clock,
    IOptions<KioskOptions> options,
    IOptions<LedgerOptions> ledgerOptions) : Grain, IPersonLedgerGrain
{
    /// <summary>Refused redemptions remembered per person, oldest forgotten first.</summary>
    private const int RefusalMemory = 200;

    private bool _dirty;

    private PersonLedgerState State => state.State;

    private int MaxEntries => ledgerOptions.Value.MaxEntries;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Ledgers written before the centers were kept: the hours name theirs.
        State.Centers.UnionWith(State.Hours.Select(h => h.CenterId));
        var person = this.GetPrimaryKeyString();
        var awaiting = await Task.WhenAll(State.Centers.Select(c => GrainFactory.GetGrain<ICenterActivityGrain>(c).GetAwaitingHoursAsync(person)));
        foreach (var hours in awaiting.SelectMany(a => a))
        {
            // The center's word on pending hours is the latest (a corrected check-out); a decision written here wins
            // (it may not have reached the center yet).
            var index = State.Hours.FindIndex(h => h.Id == hours.Id);
            if (index >= 0 && State.Hours[index].State == HoursState.Pending)
            {
                State.Hours[index] = hours;
            }
            else if (index < 0 && State.Hours.Count < MaxEntries)
            {
                State.Hours.Add(hours);
            }
        }
    }

    public Task<RegistryResult> RecordHoursAsync(ServiceHours hours) => HoldHoursAsync(hours, write: false);

    public Task<RegistryResult> KeepHoursAsync(ServiceHours hours) => HoldHoursAsync(hours, write: true);

    /// <summary>Pending hours held; written when asked to keep them, or with the first hours from a center (whose regions may then read the ledger).</summary>
    private async Task<RegistryResult> HoldHoursAsync(ServiceHours hours, bool write)
    {
        var index = State.Hours.FindIndex(h => h.Id == hours.Id);
        if (index >= 0 && State.Hours[index].State != HoursState.Pending)
        {
            return RegistryResult.Conflict($"Hours {hours.Id} were {State.Hours[index].State.ToString().ToLowerInvariant()} already.");
        }

        var pending = hours with { State = HoursState.Pending, DecidedBy = null, DecidedAt = null, Reason = null };
        if (index >= 0 && State.Hours[index] == pending)
        {
            if (write)
            {
                await WriteAsync();
            }

            return RegistryResult.Updated;
        }

        if (index < 0 && State.Hours.Count >= MaxEntries)
        {
            return RegistryResult.Conflict($"The ledger of '{this.GetPrimaryKeyString()}' holds the most hours entries it may ({MaxEntries}).");
        }

        if (index >= 0)
        {
            State.Hours[index] = pending;
        }
        else
        {
            State.Hours.Add(pending);
        }

        if (State.Centers.Add(hours.CenterId) || write)
        {
            await WriteAsync();
        }

        return index >= 0 ? RegistryResult.Updated : RegistryResult.Created;
    }

    public async Task<RegistryResult> DecideHoursAsync(Guid hoursId, bool approve, string decidedBy, string? reason)
    {
        var index = State.Hours.FindIndex(h => h.Id == hoursId);
        if (index < 0)
        {
            return RegistryResult.NotFound($"Hours {hoursId} are not recorded for '{this.GetPrimaryKeyString()}'.");
        }

        var hours = State.Hours[index];
        if (hours.State != HoursState.Pending)
        {
            return RegistryResult.Conflict($"Hours {hoursId} were {hours.State.ToString().ToLowerInvariant()} already.");
        }

        if (approve && State.Points.Count >= MaxEntries)
        {
            return RegistryResult.Conflict($"The ledger of '{this.GetPrimaryKeyString()}' holds the most points entries it may ({MaxEntries}).");
        }

        var now = clock.UtcNow;
        State.Hours[index] = hours with { State = approve ? HoursState.Approved : HoursState.Declined, DecidedBy = decidedBy, DecidedAt = now, Reason = reason };
        if (approve)
        {
            var rate = options.Value.PointsPerServiceHour;
            State.Points.Add(new PointsEntry(hoursId, now, PointsRules.ForHours(hours, rate), PointsRules.HoursRule(rate), decidedBy,
                $"{hours.Hours} h at center {hours.CenterId}"));
        }

        await WriteAsync();
        await GrainFactory.GetGrain<ICenterActivityGrain>(hours.CenterId).HoursDecidedAsync(hoursId);
        if (approve)
        {
            // The star rating's volunteer-hours evidence: the year the hours were served in, local time.
            var day = new LocalCalendar(options.Value.Zone).Day(hours.From);
            await GrainFactory.GetGrain<ICenterEvidenceGrain>(GovernanceKeys.Rating(hours.CenterId, day.Year)).RecordApprovedServiceAsync(
                new ApprovedService(hoursId, this.GetPrimaryKeyString(), day, hours.Hours, PointsRules.ForHours(hours, options.Value.PointsPerServiceHour)));
        }
        return RegistryResult.Updated;
    }

    public async Task<EventOutcome> RedeemAsync(JournaledKioskEvent redemption)
    {
        var e = redemption.Event;
        if (e.Body is not PointsRedemption spend)
        {
            return EventOutcome.Rejected(e.EventId, "Not a points redemption.");
        }

        if (State.Points.Any(p => p.SourceEventId == e.EventId))
        {
            return EventOutcome.Accepted(e.EventId);
        }

        if (State.RefusedRedemptions.TryGetValue(e.EventId, out var refusedBefore))
        {
            return EventOutcome.Rejected(e.EventId, refusedBefore);
        }

        var full = State.Points.Count >= MaxEntries ? $"The points ledger holds the most entries it may ({MaxEntries})." : null;
        if ((full ?? PointsRules.CheckSpend(PointsRules.Balance(State.Points), spend.Points)) is { } refusal)
        {
            State.RefusedRedemptions[e.EventId] = refusal;
            State.RefusalOrder.Add(e.EventId);
            if (State.RefusalOrder.Count > RefusalMemory)
            {
                State.RefusedRedemptions.Remove(State.RefusalOrder[0]);
                State.RefusalOrder.RemoveAt(0);
            }

            await WriteAsync();
            return EventOutcome.Rejected(e.EventId, refusal);
        }

        State.Points.Add(new PointsEntry(e.EventId, e.OccurredAt, -spend.Points, PointsRules.RedemptionRule, null,
            $"{spend.Goods} at kiosk {redemption.KioskId}"));
        State.Centers.Add(redemption.CenterId);
        await WriteAsync();
        return EventOutcome.Accepted(e.EventId);
    }

    public Task<PersonLedger> GetAsync() => Task.FromResult(new PersonLedger(
        this.GetPrimaryKeyString(), [.. State.Hours], [.. State.Points], PointsRules.Balance(State.Points),
        [.. State.Centers.Order(StringComparer.Ordinal)], MaxEntries));

    public async Task FlushAsync()
    {
        if (_dirty)
        {
            await WriteAsync();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushAsync();

    private async Task WriteAsync()
    {
        _dirty = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            _dirty = true;
            throw;
        }
    }
}
