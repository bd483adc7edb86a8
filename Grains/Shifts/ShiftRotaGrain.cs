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
/// credits a place, so the kiosk path gains no write.
/// </summary>
internal sealed partial class ShiftRotaGrain(
    [PersistentState(StorageNames.ShiftRotaState, StorageNames.Default)] IPersistentState<ShiftRotaState> state,
    [FromKeyedServices(CentersClock.Key)] TimeProvider clock,
    IOptions<KioskOptions> kioskOptions,
    IOptions<ShiftOptions> options,
    ILogger<ShiftRotaGrain> logger) : Grain, IShiftRotaGrain, IRemindable
{
    private const string ReminderName = "shift-rota";

    /// <summary>The shortest period Orleans reminders allow: steps are taken within a minute of being due.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly LocalCalendar _calendar = new(kioskOptions.Value.Zone);
    private bool _reminderOn;

    private string Id => this.GetPrimaryKeyString();

    private DateTimeOffset Now => clock.GetUtcNow();

    private RotaBook Book => new(state.State, _calendar, options.Value);

    public async Task<ShiftStepResult> DefineAsync(ShiftDefinition definition, string by)
    {
        var (result, dropped) = Book.Define(definition, Now);
        if (result.Outcome == ShiftStepOutcome.Done)
        {
            await WriteAsync();
            LogDefined(Id, definition.Id, by);
            Tell(dropped, ShiftNoticeKind.Cancelled);
            await TickAsync();
        }

        return result;
    }

    public async Task<ShiftStepResult> RetireAsync(string shiftId, string by)
    {
        var (result, dropped) = Book.Retire(shiftId, Now);
        if (result.Outcome == ShiftStepOutcome.Done)
        {
            await WriteAsync();
            LogRetired(Id, shiftId, by);
            Tell(dropped, ShiftNoticeKind.Cancelled);
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
        var tick = Book.Tick(now);
        var changed = tick.Changed;
        foreach (var (occurrence, people) in tick.Reminders)
        {
            Tell(people.Select(p => (occurrence, p)), ShiftNoticeKind.Reminder);
        }

        foreach (var occurrence in tick.NewlyAtRisk)
        {
            LogShortOfPeople(Id, occurrence.Id, occurrence.Taken, occurrence.MinPeople, occurrence.StartsAt);
            var invited = await AvailablePeopleAsync(occurrence);
            Tell(invited.Select(p => (occurrence, p)), ShiftNoticeKind.Invitation);
            Book.RecordInvited(occurrence.Id, invited);
        }

        foreach (var (occurrence, people) in tick.DutyChecks)
        {
            var centers = await Task.WhenAll(people.Select(p => GrainFactory.GetGrain<IVolunteerGrain>(p).GetDutyCenterAsync()));
            foreach (var (person, _) in people.Zip(centers).Where(x => x.Second == Id))
            {
                changed |= Book.Credit(person, now);
            }
        }

        // Told before written: a tick a crash cut off is taken again after the restart and tells the same items again,
        // which the feeds replace (the item key is the occurrence).
        if (changed)
        {
            await WriteAsync();
        }

        await KeepClockAsync();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center {CenterId}: shift {OccurrenceId} starting {StartsAt} has {Taken} of at least {MinPeople} people")]
    private partial void LogShortOfPeople(string centerId, string occurrenceId, int taken, int minPeople, DateTimeOffset startsAt);
}
