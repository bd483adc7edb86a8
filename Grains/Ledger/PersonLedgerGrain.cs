using Lianxin.Activity;
using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.Kiosks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Lianxin.Ledger;

/// <summary>
/// A person's hours and points. Written before answering: staff decisions, kiosk redemptions with their outcome
/// (accepted or refused), and each center the person is first heard of at. A redemption is rare next to check-ins, and
/// one answered "accepted" must never vanish with a silo while the points stay spendable; every entry names its source
/// event, so a replayed or re-sent redemption is recognised and answered as the first time.
/// Hours awaiting a decision are not written per visit (they were most of the live path's writes): the center they
/// were served at keeps them awaiting a decision, durable with its presence, and a starting ledger asks its centers.
/// Hours that are written (decided, kept from a center's full list, the first from a center) are a book
/// (<see cref="IBookStore"/>): each writes its own entry, not the person's whole history, which the busiest volunteers'
/// ledgers rewrote on every visit (12 % of the host's CPU at full-rate ingest).
/// </summary>
internal sealed class PersonLedgerGrain(
    [PersistentState(StorageNames.PersonLedgerState, StorageNames.Live)] IPersistentState<PersonLedgerState> state,
    IBookStore books,
    Serializer<ServiceHours> serializer,
    [FromKeyedServices(CentersClock.Key)] TimeProvider clock,
    IOptions<KioskOptions> options,
    IOptions<LedgerOptions> ledgerOptions) : Grain, IPersonLedgerGrain
{
    /// <summary>Refused redemptions remembered per person, oldest forgotten first.</summary>
    private const int RefusalMemory = 200;

    /// <summary>Hours that are written.</summary>
    private Book<ServiceHours> _kept = null!;

    /// <summary>Hours awaiting a decision as their center lists them, not written here (never also in <see cref="_kept"/>).</summary>
    private readonly Dictionary<Guid, ServiceHours> _held = [];

    private bool _dirty;

    private PersonLedgerState State => state.State;

    private int MaxEntries => ledgerOptions.Value.MaxEntries;

    private int HoursCount => _kept.Entries.Count + _held.Count;

    private static string Key(Guid hoursId) => hoursId.ToString("N");

    private ServiceHours? Find(Guid hoursId) => _held.GetValueOrDefault(hoursId) ?? _kept.Entries.GetValueOrDefault(Key(hoursId));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var person = this.GetPrimaryKeyString();
        _kept = await Book<ServiceHours>.ReadAsync(books, serializer, StorageNames.PersonLedgerState, person);
        // A ledger kept whole before books: its hours move into the book once (and name their centers, which ledgers
        // written before the centers were kept did not list).
        if (State.Hours.Count > 0)
        {
            await _kept.AddMissingAsync(State.Hours.Select(h => KeyValuePair.Create(Key(h.Id), h)));
            State.Centers.UnionWith(State.Hours.Select(h => h.CenterId));
            State.Hours.Clear();
            await WriteAsync();
        }

        var awaiting = await Task.WhenAll(State.Centers.Select(c => GrainFactory.GetGrain<ICenterActivityGrain>(c).GetAwaitingHoursAsync(person)));
        foreach (var hours in awaiting.SelectMany(a => a))
        {
            // The center's word on pending hours is the latest (a corrected check-out); a decision written here wins
            // (it may not have reached the center yet).
            if (_kept.Entries.TryGetValue(Key(hours.Id), out var kept))
            {
                if (kept.State == HoursState.Pending && kept != hours)
                {
                    await _kept.SetAsync(Key(hours.Id), hours);
                }
            }
            else if (HoursCount < MaxEntries)
            {
                _held[hours.Id] = hours;
            }
        }
    }

    public Task<RegistryResult> RecordHoursAsync(ServiceHours hours) => HoldHoursAsync(hours, write: false);

    public Task<RegistryResult> KeepHoursAsync(ServiceHours hours) => HoldHoursAsync(hours, write: true);

    /// <summary>Pending hours held; written when asked to keep them, or with the first hours from a center (whose regions may then read the ledger).</summary>
    private async Task<RegistryResult> HoldHoursAsync(ServiceHours hours, bool write)
    {
        var existing = Find(hours.Id);
        if (existing is { State: not HoursState.Pending })
        {
            return RegistryResult.Conflict($"Hours {hours.Id} were {existing.State.ToString().ToLowerInvariant()} already.");
        }

        if (existing is null && HoursCount >= MaxEntries)
        {
            return RegistryResult.Conflict($"The ledger of '{this.GetPrimaryKeyString()}' holds the most hours entries it may ({MaxEntries}).");
        }

        var pending = hours with { State = HoursState.Pending, DecidedBy = null, DecidedAt = null, Reason = null };
        var firstFromCenter = State.Centers.Add(hours.CenterId);
        // A written entry that changes is written again: what the book holds is what this ledger shows.
        if (write || firstFromCenter || _kept.Entries.ContainsKey(Key(hours.Id)))
        {
            _held.Remove(hours.Id);
            if (_kept.Entries.GetValueOrDefault(Key(hours.Id)) != pending)
            {
                await _kept.SetAsync(Key(hours.Id), pending);
            }
        }
        else
        {
            _held[hours.Id] = pending;
        }

        if (firstFromCenter)
        {
            await WriteAsync();
        }

        return existing is null ? RegistryResult.Created : RegistryResult.Updated;
    }

    public async Task<RegistryResult> DecideHoursAsync(Guid hoursId, bool approve, string decidedBy, string? reason)
    {
        if (Find(hoursId) is not { } hours)
        {
            return RegistryResult.NotFound($"Hours {hoursId} are not recorded for '{this.GetPrimaryKeyString()}'.");
        }

        if (hours.State != HoursState.Pending)
        {
            return RegistryResult.Conflict($"Hours {hoursId} were {hours.State.ToString().ToLowerInvariant()} already.");
        }

        if (approve && State.Points.Count >= MaxEntries)
        {
            return RegistryResult.Conflict($"The ledger of '{this.GetPrimaryKeyString()}' holds the most points entries it may ({MaxEntries}).");
        }

        var now = clock.GetUtcNow();
        // The points first: a decision cut short between the two writes leaves the hours pending, and deciding them
        // again does not earn their points twice.
        if (approve && !State.Points.Any(p => p.SourceEventId == hoursId))
        {
            var rate = options.Value.PointsPerServiceHour;
            State.Points.Add(new PointsEntry(hoursId, now, PointsRules.ForHours(hours, rate), PointsRules.HoursRule(rate), decidedBy,
                $"{hours.Hours} h at center {hours.CenterId}"));
            await WriteAsync();
        }

        _held.Remove(hoursId);
        await _kept.SetAsync(Key(hoursId), hours with { State = approve ? HoursState.Approved : HoursState.Declined, DecidedBy = decidedBy, DecidedAt = now, Reason = reason });
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
        this.GetPrimaryKeyString(), [.. _kept.Entries.Values.Concat(_held.Values).OrderBy(h => h.From).ThenBy(h => h.Id)], [.. State.Points], PointsRules.Balance(State.Points),
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
