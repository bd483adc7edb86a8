using Lianxin.Kiosks;

namespace Lianxin.Activity;

/// <summary>
/// Presence at one center: each person's visits ordered by check-in time, and check-outs still waiting for their
/// check-in. Events are placed by occurredAt, whatever order they arrive in, so a late check-out before its
/// check-in still pairs. A person has at most one open visit at a time; an open visit closes automatically at its
/// deadline (closing time or the maximum stay, whichever is first, and never after the person's next check-in).
/// A pure class over the actor's state, so the rules are tested without a cluster. The actor keeps one for its
/// activation: the count of people inside is kept with the visits (the live figures read it on every change, and
/// counting a day's visits each time was most of the cost of applying a batch).
/// </summary>
public sealed class PresenceBook
{
    private readonly Dictionary<string, List<Visit>> visits;
    private readonly Dictionary<string, List<UnpairedCheckOut>> unpaired;
    private readonly Func<DateTimeOffset, DateTimeOffset> baseDeadline;

    public PresenceBook(
        Dictionary<string, List<Visit>> visits,
        Dictionary<string, List<UnpairedCheckOut>> unpaired,
        Func<DateTimeOffset, DateTimeOffset> baseDeadline)
    {
        (this.visits, this.unpaired, this.baseDeadline) = (visits, unpaired, baseDeadline);
        InsideCount = Inside.Count();
    }

    public IEnumerable<Visit> Inside => visits.Values.SelectMany(v => v).Where(v => v.IsOpen);

    /// <summary>How many visits are open: <see cref="Inside"/>'s count, kept as visits open and close.</summary>
    public int InsideCount { get; private set; }

    public int UnpairedCount => unpaired.Values.Sum(u => u.Count);

    public IEnumerable<Visit> Closed => visits.Values.SelectMany(v => v).Where(v => !v.IsOpen);

    /// <summary>Opens a visit, or answers why not (the person is inside already at that time).</summary>
    public string? CheckIn(Guid eventId, string kioskId, CheckIn body, DateTimeOffset at, DateTimeOffset now, List<PresenceChange> changes)
    {
        var list = VisitsOf(body.PersonId);
        CloseOverdue(list, now, changes);
        var covering = list.FirstOrDefault(v => v.CheckedInAt <= at && at < (v.CheckedOutAt ?? Deadline(list, v)));
        if (covering is not null)
        {
            return $"Person '{body.PersonId}' is already checked in here since {covering.CheckedInAt:O} (event {covering.Id}); a second open check-in is not allowed.";
        }

        var visit = new Visit(eventId, body.PersonId, body.Role, body.Purpose, kioskId, at);
        var index = list.FindIndex(v => v.CheckedInAt > at);
        list.Insert(index < 0 ? list.Count : index, visit);
        InsideCount++;
        changes.Add(new PresenceChange(visit, PresenceChangeKind.Opened));

        var nextStart = index < 0 ? (DateTimeOffset?)null : list[index + 1].CheckedInAt;
        if (unpaired.TryGetValue(body.PersonId, out var waiting)
            && waiting.Where(u => u.At >= at && (nextStart is null || u.At <= nextStart)).MinBy(u => u.At) is { } checkOut)
        {
            waiting.Remove(checkOut);
            Replace(list, visit with { CheckedOutAt = checkOut.At, CheckOutKind = CheckOutKind.Kiosk, CheckOutEventId = checkOut.EventId }, changes);
        }

        CloseOverdue(list, now, changes);
        return null;
    }

    /// <summary>Closes the visit the check-out belongs to, or keeps it for a check-in still to come; answers why not when it contradicts one.</summary>
    public string? CheckOut(Guid eventId, string kioskId, string personId, DateTimeOffset at, DateTimeOffset now, List<PresenceChange> changes)
    {
        var list = VisitsOf(personId);
        CloseOverdue(list, now, changes);
        var visit = list.LastOrDefault(v => v.CheckedInAt <= at);
        if (visit is { IsOpen: true } && at <= Deadline(list, visit))
        {
            Replace(list, visit with { CheckedOutAt = at, CheckOutKind = CheckOutKind.Kiosk, CheckOutEventId = eventId }, changes);
        }
        else if (visit is { CheckOutKind: CheckOutKind.Automatic } && at <= visit.CheckedOutAt)
        {
            // A real check-out arriving late replaces the automatic one: it is what actually happened.
            Replace(list, visit with { CheckedOutAt = at, CheckOutKind = CheckOutKind.Kiosk, CheckOutEventId = eventId }, changes);
        }
        else if (visit is { IsOpen: false } && at <= visit.CheckedOutAt)
        {
            return $"Person '{personId}' was already checked out at {visit.CheckedOutAt:O} for the visit that began {visit.CheckedInAt:O}.";
        }
        else
        {
            if (visit is { IsOpen: true })
            {
                Replace(list, Close(visit, Deadline(list, visit)), changes);
            }

            // No visit to close yet: a check-in before it may still arrive (kiosks upload late and out of order).
            if (!unpaired.TryGetValue(personId, out var waiting))
            {
                unpaired[personId] = waiting = [];
            }

            waiting.Add(new UnpairedCheckOut(eventId, kioskId, at));
        }

        return null;
    }

    /// <summary>Staff set a visit's check-out time; answers why not when the visit is unknown or the time impossible.</summary>
    public string? Correct(Guid visitId, DateTimeOffset at, string correction, DateTimeOffset now, List<PresenceChange> changes)
    {
        foreach (var list in visits.Values)
        {
            var index = list.FindIndex(v => v.Id == visitId);
            if (index < 0)
            {
                continue;
            }

            var visit = list[index];
            var next = index + 1 < list.Count ? list[index + 1].CheckedInAt : (DateTimeOffset?)null;
            if (at < visit.CheckedInAt || at > now || (next is not null && at > next))
            {
                return "The check-out must lie between the check-in and now, and not after the person's next check-in.";
            }

            Replace(list, visit with { CheckedOutAt = at, CheckOutKind = CheckOutKind.Corrected, Correction = correction }, changes);
            return null;
        }

        return $"Visit {visitId} is not known here (visits are kept for a limited time after they end).";
    }

    /// <summary>Closes every visit whose deadline has passed.</summary>
    public void CloseAllOverdue(DateTimeOffset now, List<PresenceChange> changes)
    {
        foreach (var list in visits.Values)
        {
            CloseOverdue(list, now, changes);
        }
    }

    /// <summary>Forgets closed visits and unpaired check-outs older than the retention, and all but the most recent closed visits.</summary>
    public void Prune(DateTimeOffset before, int closedKept)
    {
        if (Closed.Skip(closedKept).Any())
        {
            var cutoff = Closed.Select(v => v.CheckedOutAt!.Value).OrderDescending().ElementAt(closedKept);
            before = cutoff >= before ? cutoff.AddTicks(1) : before;
        }

        foreach (var (person, list) in visits.ToList())
        {
            list.RemoveAll(v => v.CheckedOutAt < before);
            if (list.Count == 0)
            {
                visits.Remove(person);
            }
        }

        foreach (var (person, list) in unpaired.ToList())
        {
            list.RemoveAll(u => u.At < before);
            if (list.Count == 0)
            {
                unpaired.Remove(person);
            }
        }
    }

    private List<Visit> VisitsOf(string personId)
    {
        if (!visits.TryGetValue(personId, out var list))
        {
            visits[personId] = list = [];
        }

        return list;
    }

    private DateTimeOffset Deadline(List<Visit> list, Visit visit)
    {
        var deadline = baseDeadline(visit.CheckedInAt);
        var index = list.IndexOf(visit);
        return index + 1 < list.Count && list[index + 1].CheckedInAt < deadline ? list[index + 1].CheckedInAt : deadline;
    }

    private void CloseOverdue(List<Visit> list, DateTimeOffset now, List<PresenceChange> changes)
    {
        // Closing replaces a visit in place, so the list can be walked by index without a copy.
        for (var i = 0; i < list.Count; i++)
        {
            var visit = list[i];
            if (visit.IsOpen && Deadline(list, visit) is var deadline && deadline <= now)
            {
                Replace(list, Close(visit, deadline), changes);
            }
        }
    }

    private static Visit Close(Visit visit, DateTimeOffset at) =>
        visit with { CheckedOutAt = at, CheckOutKind = CheckOutKind.Automatic };

    private void Replace(List<Visit> list, Visit visit, List<PresenceChange> changes)
    {
        var index = list.FindIndex(v => v.Id == visit.Id);
        InsideCount += (visit.IsOpen ? 1 : 0) - (list[index].IsOpen ? 1 : 0);
        list[index] = visit;
        changes.Add(new PresenceChange(visit, PresenceChangeKind.Closed));
    }
}
