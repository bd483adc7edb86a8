using Lianxin.Kiosks;

namespace Lianxin.Shifts;

/// <summary>
/// The rules of a center's rota over its state: definitions and their occurrences, first-come places up to the maximum,
/// and the time-based steps (reminders, short-of-minimum alerts, attendance). Every decision takes the moment it is made
/// at, so the rules are tested without a clock or a cluster.
/// </summary>
public sealed class RotaBook(ShiftRotaState state, LocalCalendar calendar, ShiftOptions options)
{
    public ShiftRota View(string centerId) =>
        new(centerId, [.. state.Definitions.Values.OrderBy(d => d.Id, StringComparer.Ordinal)], [.. Ordered()], state.Outbox.Count);

    /// <summary>True while a shift is active, an occurrence is not yet settled or a text is owed: the rota's clock must keep running.</summary>
    public bool HasWork => state.Definitions.Values.Any(d => d.RetiredAt is null) || state.Occurrences.Count > 0 || state.Outbox.Count > 0;

    /// <summary>Creates or changes a shift. Returns the people whose places went with occurrences the new pattern dropped.</summary>
    public (ShiftStepResult Result, IReadOnlyList<(ShiftOccurrence Occurrence, string PersonId)> Dropped) Define(ShiftDefinition shift, DateTimeOffset now)
    {
        if (state.Definitions.TryGetValue(shift.Id, out var existing) && existing.RetiredAt is not null)
        {
            return (ShiftStepResult.Conflict($"Shift '{shift.Id}' is retired; define a new one."), []);
        }

        state.Definitions[shift.Id] = shift with { RetiredAt = null };
        var dropped = new List<(ShiftOccurrence, string)>();
        foreach (var occurrence in Future(shift.Id, now))
        {
            var day = ShiftRecurrence.DayOf(shift.Id, occurrence.Id)!.Value;
            var (startsAt, endsAt) = ShiftRecurrence.On(shift, day, calendar);
            if (shift.Days.Contains(day.DayOfWeek) && startsAt > now)
            {
                // Places already taken are kept even when the new maximum is lower: nobody loses a place to an edit.
                state.Occurrences[occurrence.Id] = occurrence with
                {
                    Title = shift.Title, StartsAt = startsAt, EndsAt = endsAt, MinPeople = shift.MinPeople, MaxPeople = shift.MaxPeople,
                };
            }
            else
            {
                dropped.AddRange(Remove(occurrence));
            }
        }

        Expand(now);
        return (ShiftStepResult.Done, dropped);
    }

    /// <summary>Retires a shift (again: nothing changes). Returns the people whose future places went.</summary>
    public (ShiftStepResult Result, IReadOnlyList<(ShiftOccurrence Occurrence, string PersonId)> Dropped) Retire(string shiftId, DateTimeOffset now)
    {
        if (!state.Definitions.TryGetValue(shiftId, out var shift))
        {
            return (ShiftStepResult.NotFound($"Shift '{shiftId}' does not exist."), []);
        }

        if (shift.RetiredAt is not null)
        {
            return (ShiftStepResult.Done, []);
        }

        state.Definitions[shiftId] = shift with { RetiredAt = now };
        return (ShiftStepResult.Done, [.. Future(shiftId, now).SelectMany(Remove)]);
    }

    public ShiftSignUpAnswer SignUp(string occurrenceId, string personId, string? key, string by, DateTimeOffset now)
    {
        if (!state.Occurrences.TryGetValue(occurrenceId, out var occurrence))
        {
            return new ShiftSignUpAnswer(ShiftSignUpOutcome.NotFound, occurrenceId, 0, 0, false, $"Shift occurrence '{occurrenceId}' does not exist.");
        }

        ShiftSignUpAnswer Answer(ShiftSignUpOutcome outcome, bool repeated, string? detail = null) =>
            new(outcome, occurrenceId, state.Occurrences[occurrenceId].Taken, occurrence.MaxPeople, repeated, detail);

        if (occurrence.PlaceOf(personId) is not null)
        {
            return Answer(ShiftSignUpOutcome.Confirmed, repeated: true);
        }

        if (key is not null && occurrence.Places.Any(p => p.PersonId == personId && p.Key == key))
        {
            return Answer(ShiftSignUpOutcome.Cancelled, repeated: true, "This sign-up was cancelled since; sign up again with a new key.");
        }

        if (now >= occurrence.StartsAt)
        {
            return Answer(ShiftSignUpOutcome.Closed, repeated: false, "The shift has started.");
        }

        if (occurrence.Taken >= occurrence.MaxPeople)
        {
            return Answer(ShiftSignUpOutcome.Full, repeated: false, $"All {occurrence.MaxPeople} places are taken.");
        }

        state.Occurrences[occurrenceId] = occurrence with { Places = [.. occurrence.Places, new ShiftPlace(personId, now, by, key)] };
        return Answer(ShiftSignUpOutcome.Confirmed, repeated: false);
    }

    public ShiftStepResult Cancel(string occurrenceId, string personId, DateTimeOffset now)
    {
        if (!state.Occurrences.TryGetValue(occurrenceId, out var occurrence) || occurrence.PlaceOf(personId) is not { } place)
        {
            return ShiftStepResult.NotFound($"'{personId}' holds no place on shift occurrence '{occurrenceId}'.");
        }

        if (now >= occurrence.StartsAt)
        {
            return ShiftStepResult.Conflict("The shift has started: its place can no longer be given back.");
        }

        Replace(occurrence, place, place with { CancelledAt = now });
        return ShiftStepResult.Done;
    }

    /// <summary>The person started duty at the center: credits the occurrence the moment falls in. False when nothing changed.</summary>
    public bool Credit(string personId, DateTimeOffset at)
    {
        var changed = false;
        foreach (var occurrence in Ordered().Where(o => !o.Settled && at >= o.StartsAt - options.CheckInGrace && at < o.EndsAt))
        {
            if (occurrence.PlaceOf(personId) is { Attendance: ShiftAttendance.Expected } place)
            {
                Replace(occurrence, place, place with { Attendance = ShiftAttendance.Attended, CheckedInAt = at });
                changed = true;
            }
        }

        return changed;
    }

    public RotaTick Tick(DateTimeOffset now)
    {
        var changed = Expand(now);
        var reminders = new List<(ShiftOccurrence, IReadOnlyList<string>)>();
        var atRisk = new List<ShiftOccurrence>();
        var dutyChecks = new List<(ShiftOccurrence, IReadOnlyList<string>)>();
        foreach (var original in Ordered())
        {
            var o = original;
            if (!o.Settled && now >= o.EndsAt)
            {
                o = o with { Settled = true, Places = [.. o.Places.Select(p => p.Active && p.Attendance == ShiftAttendance.Expected ? p with { Attendance = ShiftAttendance.NoShow } : p)] };
            }
            else if (!o.Settled && now >= o.StartsAt && !o.DutyChecked)
            {
                // People already inside when it starts never start duty again: their actors are asked once.
                o = o with { DutyChecked = true };
                dutyChecks.Add((o, [.. o.Places.Where(p => p.Active && p.Attendance == ShiftAttendance.Expected).Select(p => p.PersonId)]));
            }

            if (now < o.StartsAt && now >= o.StartsAt - options.ReminderLead && o.Places.Any(p => p.Active && p.RemindedAt is null))
            {
                o = o with { Places = [.. o.Places.Select(p => p.Active && p.RemindedAt is null ? p with { RemindedAt = now } : p)] };
                reminders.Add((o, [.. o.Places.Where(p => p.Active && p.RemindedAt == now).Select(p => p.PersonId)]));
            }

            if (now < o.StartsAt && now >= o.StartsAt - options.RiskWindow && o.AtRiskAt is null && o.Taken < o.MinPeople)
            {
                o = o with { AtRiskAt = now };
                atRisk.Add(o);
            }

            if (o.Settled && o.EndsAt + options.Retention < now)
            {
                state.Occurrences.Remove(o.Id);
                changed = true;
                continue;
            }

            if (!ReferenceEquals(o, original))
            {
                state.Occurrences[o.Id] = o;
                changed = true;
            }
        }

        return new RotaTick(changed, reminders, atRisk, dutyChecks);
    }

    public void RecordInvited(string occurrenceId, IReadOnlyList<string> people)
    {
        if (state.Occurrences.TryGetValue(occurrenceId, out var occurrence))
        {
            state.Occurrences[occurrenceId] = occurrence with { Invited = [.. (occurrence.Invited ?? []).Union(people, StringComparer.Ordinal)] };
        }
    }

    /// <summary>Occurrences found short of their minimum and still short, until they end.</summary>
    public IReadOnlyList<ShiftOccurrence> AtRisk(DateTimeOffset now) =>
        [.. Ordered().Where(o => o.AtRiskAt is not null && o.Taken < o.MinPeople && now < o.EndsAt)];

    /// <summary>The occurrences the person holds (or held, once settled) a place on, and the open ones not full.</summary>
    public IReadOnlyList<PersonShiftLine> ForPerson(string centerId, string personId, DateTimeOffset now) =>
    [
        .. Ordered()
            .Select(o => (o, Place: o.PlaceOf(personId)))
            .Where(x => x.Place is not null || (now < x.o.StartsAt && x.o.Taken < x.o.MaxPeople))
            .Select(x => new PersonShiftLine(centerId, x.o.Id, x.o.ShiftId, x.o.Title, x.o.StartsAt, x.o.EndsAt, x.o.Taken, x.o.MinPeople, x.o.MaxPeople,
                x.Place, x.o.Invited?.Contains(personId) == true)),
    ];

    /// <summary>Makes the occurrences of active shifts up to the horizon. False when there were none to make.</summary>
    private bool Expand(DateTimeOffset now)
    {
        var added = false;
        foreach (var shift in state.Definitions.Values.Where(d => d.RetiredAt is null))
        {
            foreach (var occurrence in ShiftRecurrence.Between(shift, now, now + options.Horizon, calendar))
            {
                added |= state.Occurrences.TryAdd(occurrence.Id, occurrence);
            }
        }

        return added;
    }

    private IEnumerable<ShiftOccurrence> Ordered() => state.Occurrences.Values.OrderBy(o => o.StartsAt).ThenBy(o => o.Id, StringComparer.Ordinal);

    private List<ShiftOccurrence> Future(string shiftId, DateTimeOffset now) => [.. Ordered().Where(o => o.ShiftId == shiftId && o.StartsAt > now)];

    private IEnumerable<(ShiftOccurrence, string)> Remove(ShiftOccurrence occurrence)
    {
        state.Occurrences.Remove(occurrence.Id);
        return [.. occurrence.Places.Where(p => p.Active).Select(p => (occurrence, p.PersonId))];
    }

    private void Replace(ShiftOccurrence occurrence, ShiftPlace old, ShiftPlace updated) =>
        state.Occurrences[occurrence.Id] = occurrence with { Places = [.. occurrence.Places.Select(p => ReferenceEquals(p, old) ? updated : p)] };
}
