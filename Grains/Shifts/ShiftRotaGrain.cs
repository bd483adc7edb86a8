using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.Volunteers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lianxin.Shifts;

/// <summary>
/// One center's rota. An actor per rota rather than per occurrence: a center has a handful of shifts, so its
/// definitions and two weeks of occurrences are a few hundred places, small enough for one state row; one actor owns
/// expansion and the order of sign-ups; and one Orleans reminder per rota runs every time-based step (occurrences are
/// many and short-lived, a reminder each would flood the reminder table). Sign-ups are few per second at most, so each
/// is written before it is answered. Duty is told in memory (<see cref="CreditDutyAsync"/>) and written only when it
/// credits a place, so the kiosk path gains no write. Texts (SMS) are an outbox in the same state: written with the step
/// that owes them, then handed to the stateless <see cref="IShiftTextGrain"/> without waiting, so a slow gateway never
/// holds up the rota; the sender reports back what is done (<see cref="TextsDoneAsync"/>).
/// </summary>
internal sealed partial class ShiftRotaGrain(
    [PersistentState(StorageNames.ShiftRotaState, StorageNames.Default)] IPersistentState<ShiftRotaState> state,
    [FromKeyedServices(CentersClock.Key)] TimeProvider clock,
    IOptions<KioskOptions> kioskOptions,
    IOptions<ShiftOptions> options,
    ILogger<ShiftRotaGrain> logger) : Grain, IShiftRotaGrain, IRemindable
{
    private const string ReminderName = "shift-rota";

    /// <summary>Texts per call to the sender: a large invitation is spread over several of its activations.</summary>
    private const int TextBatch = 20;

    /// <summary>The shortest period Orleans reminders allow: steps are taken within a minute of being due.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly LocalCalendar _calendar = new(kioskOptions.Value.Zone);
    private bool _reminderOn;

    /// <summary>When each text still owed was last handed to the sender (in memory: after a restart they are all handed over again).</summary>
    private readonly Dictionary<string, DateTimeOffset> _handedAt = new(StringComparer.Ordinal);

    private string Id => this.GetPrimaryKeyString();

    private DateTimeOffset Now => clock.GetUtcNow();

    private RotaBook Book => new(state.State, _calendar, options.Value);

    private ShiftOutbox Outbox => new(state.State);

    public async Task<ShiftStepResult> DefineAsync(ShiftDefinition definition, string by)
    {
        var alerted = Alerted();
        var (result, dropped) = Book.Define(definition, Now);
        if (result.Outcome == ShiftStepOutcome.Done)
        {
            await WriteAsync();
            LogDefined(Id, definition.Id, by);
            Tell(dropped, ShiftNoticeKind.Cancelled);
            await ShiftStaffAlerts.RemoveAsync(GrainFactory, Id, alerted.Where(o => !state.State.Occurrences.ContainsKey(o)));
            await TickAsync();
        }

        return result;
    }

    public async Task<ShiftStepResult> RetireAsync(string shiftId, string by)
    {
        var alerted = Alerted();
        var (result, dropped) = Book.Retire(shiftId, Now);
        if (result.Outcome == ShiftStepOutcome.Done)
        {
            await WriteAsync();
            LogRetired(Id, shiftId, by);
            Tell(dropped, ShiftNoticeKind.Cancelled);
            await ShiftStaffAlerts.RemoveAsync(GrainFactory, Id, alerted.Where(o => !state.State.Occurrences.ContainsKey(o)));
        }

        return result;
    }

    public Task<ShiftRota> GetAsync() => Task.FromResult(Book.View(Id));

    public async Task<ShiftSignUpAnswer> SignUpAsync(string occurrenceId, string personId, string? idempotencyKey, string by)
    {
        var answer = Book.SignUp(occurrenceId, personId, idempotencyKey, by, Now);
        if (answer is { Outcome: ShiftSignUpOutcome.Confirmed, Repeated: false })
        {
            await WriteAsync();
            if (state.State.Occurrences[occurrenceId] is { AtRiskAt: not null } occurrence && occurrence.Taken == occurrence.MinPeople)
            {
                // It has its minimum now: the staff's screens no longer need the alert.
                await ShiftStaffAlerts.RemoveAsync(GrainFactory, Id, [occurrenceId]);
            }
        }

        return answer;
    }

    public async Task<ShiftStepResult> CancelAsync(string occurrenceId, string personId, string by)
    {
        var result = Book.Cancel(occurrenceId, personId, Now);
        if (result.Outcome == ShiftStepOutcome.Done)
        {
            await WriteAsync();
        }

        return result;
    }

    public Task<IReadOnlyList<PersonShiftLine>> ForPersonAsync(string personId) => Task.FromResult(Book.ForPerson(Id, personId, Now));

    public Task<IReadOnlyList<ShiftOccurrence>> GetAtRiskAsync() => Task.FromResult(Book.AtRisk(Now));

    public async Task CreditDutyAsync(string personId)
    {
        if (Book.Credit(personId, Now))
        {
            await WriteAsync();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => TickAsync();

    public async Task TickAsync()
    {
        var now = Now;
        var alerted = Alerted();
        var tick = Book.Tick(now);
        var changed = tick.Changed;
        var outbox = Outbox;
        foreach (var (occurrence, people) in tick.Reminders)
        {
            Tell(people.Select(p => (occurrence, p)), ShiftNoticeKind.Reminder);
            outbox.Queue(occurrence, ShiftTextKind.Reminder, people);
        }

        foreach (var occurrence in tick.NewlyAtRisk)
        {
            LogShortOfPeople(Id, occurrence.Id, occurrence.Taken, occurrence.MinPeople, occurrence.StartsAt);
            var invited = await AvailablePeopleAsync(occurrence);
            Tell(invited.Select(p => (occurrence, p)), ShiftNoticeKind.Invitation);
            Book.RecordInvited(occurrence.Id, invited);
            outbox.Queue(occurrence, ShiftTextKind.Invitation, invited);
            if (state.State.StaffPhone is not null)
            {
                outbox.Queue(occurrence, ShiftTextKind.ShortOfPeople, [null]);
            }

            await ShiftStaffAlerts.PublishAsync(GrainFactory, Id, new ShiftShortAlert(
                Id, occurrence.Id, occurrence.Title, occurrence.StartsAt, occurrence.EndsAt, occurrence.Taken, occurrence.MinPeople, invited.Count, now));
        }

        foreach (var (occurrence, people) in tick.DutyChecks)
        {
            var centers = await Task.WhenAll(people.Select(p => GrainFactory.GetGrain<IVolunteerGrain>(p).GetDutyCenterAsync()));
            foreach (var (person, _) in people.Zip(centers).Where(x => x.Second == Id))
            {
                changed |= Book.Credit(person, now);
            }
        }

        changed |= outbox.Expire(now);

        // Told before written: a tick a crash cut off is taken again after the restart and tells the same items again,
        // which the feeds replace (the item key is the occurrence). Texts are written before they are sent: that tick
        // queues them again under the same ids, and the gateway's idempotency key is made from the id.
        if (changed)
        {
            await WriteAsync();
        }

        await ShiftStaffAlerts.RemoveAsync(GrainFactory, Id, alerted.Where(o => !state.State.Occurrences.TryGetValue(o, out var x) || x.Settled));
        SendTexts();
        await KeepClockAsync();
    }

    public async Task TextsDoneAsync(IReadOnlyList<string> textIds)
    {
        foreach (var id in textIds)
        {
            _handedAt.Remove(id);
        }

        if (Outbox.Done(textIds))
        {
            await WriteAsync();
        }
    }

    public Task<string?> GetStaffContactAsync() => Task.FromResult(state.State.StaffPhone);

    public async Task SetStaffContactAsync(string? phone, string by)
    {
        state.State.StaffPhone = phone;
        await WriteAsync();
        LogStaffContactSet(Id, phone is not null, by);
    }

    /// <summary>The occurrences whose short-of-people alert may be on the staff's screens: found short and not yet settled.</summary>
    private List<string> Alerted() => [.. state.State.Occurrences.Values.Where(o => o is { AtRiskAt: not null, Settled: false }).Select(o => o.Id)];

    /// <summary>Hands the texts due to the sender and goes on: the rota never waits for a gateway.</summary>
    private void SendTexts()
    {
        var due = Outbox.Due(Now, _handedAt);
        foreach (var batch in due.Chunk(TextBatch))
        {
            foreach (var text in batch)
            {
                _handedAt[text.Id] = Now;
            }

            GrainFactory.GetGrain<IShiftTextGrain>(0).SendAsync(Id, batch, state.State.StaffPhone).Ignore();
        }
    }

    /// <summary>The people of the center's grids whose availability covers the occurrence and who hold no place on it.</summary>
    private async Task<IReadOnlyList<string>> AvailablePeopleAsync(ShiftOccurrence occurrence)
    {
        var center = await GrainFactory.GetGrain<Centers.ICenterGrain>(Id).GetAsync();
        var grids = await Task.WhenAll((center?.GridIds ?? []).Select(g => GrainFactory.GetGrain<Grids.IGridGrain>(g).GetAsync()));
        var people = grids.SelectMany(g => g?.Roster ?? []).Select(r => r.VolunteerId).Distinct(StringComparer.Ordinal)
            .Where(p => occurrence.PlaceOf(p) is null).ToList();
        var availability = await Task.WhenAll(people.Select(p => GrainFactory.GetGrain<IShiftAvailabilityGrain>(p).GetAsync()));
        return [.. people.Zip(availability).Where(x => AvailabilityRule.Covers(x.Second, occurrence.StartsAt, occurrence.EndsAt, _calendar)).Select(x => x.First)];
    }

    /// <summary>The reminder runs while the rota has something time-based to do, and stops when it has nothing.</summary>
    private async Task KeepClockAsync()
    {
        if (Book.HasWork && !_reminderOn)
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            _reminderOn = true;
        }
        else if (!Book.HasWork && await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _reminderOn = false;
        }
    }

    private void Tell(IEnumerable<(ShiftOccurrence Occurrence, string PersonId)> people, ShiftNoticeKind kind)
    {
        foreach (var (occurrence, personId) in people)
        {
            ShiftFeeds.Tell(GrainFactory, personId, new ShiftNotice(Id, occurrence.Id, occurrence.Title, kind, occurrence.StartsAt, occurrence.EndsAt, Now));
        }
    }

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // What is in memory is ahead of what is stored: read it again rather than answer from it.
            DeactivateOnIdle();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Center {CenterId} defined shift {ShiftId} (by {By})")]
    private partial void LogDefined(string centerId, string shiftId, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "Center {CenterId} retired shift {ShiftId} (by {By})")]
    private partial void LogRetired(string centerId, string shiftId, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "Center {CenterId}: staff contact for shift alerts registered: {Registered} (by {By})")]
    private partial void LogStaffContactSet(string centerId, bool registered, string by);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center {CenterId}: shift {OccurrenceId} starting {StartsAt} has {Taken} of at least {MinPeople} people")]
    private partial void LogShortOfPeople(string centerId, string occurrenceId, int taken, int minPeople, DateTimeOffset startsAt);
}
