using System.Buffers;
using Lianxin.Kiosks;

namespace Lianxin.Activity;

/// <summary>
/// Presence at one center: each person's visits ordered by check-in time, and check-outs still waiting for their
/// check-in. Events are placed by occurredAt, whatever order they arrive in, so a late check-out before its
/// check-in still pairs. A person has at most one open visit at a time; an open visit closes automatically at its
/// deadline (closing time or the maximum stay, whichever is first, and never after the person's next check-in).
/// A pure class over the actor's state (its <see cref="VisitTable"/>), so the rules are tested without a cluster. The
/// actor keeps one for its activation: the count of people inside is kept with the visits (the live figures read it on
/// every change, and counting a day's visits each time was most of the cost of applying a batch).
/// </summary>
public sealed class PresenceBook
{
    private readonly VisitTable visits;
    private readonly Dictionary<string, List<UnpairedCheckOut>> unpaired;
    private readonly Func<DateTimeOffset, DateTimeOffset> baseDeadline;

    public PresenceBook(
        VisitTable visits,
        Dictionary<string, List<UnpairedCheckOut>> unpaired,
        Func<DateTimeOffset, DateTimeOffset> baseDeadline)
    {
        (this.visits, this.unpaired, this.baseDeadline) = (visits, unpaired, baseDeadline);
        InsideCount = Rows(open: true).Count();
    }

    public IEnumerable<Visit> Inside => Rows(open: true).Select(row => visits[row].ToVisit());

    /// <summary>How many visits are open: <see cref="Inside"/>'s count, kept as visits open and close.</summary>
    public int InsideCount { get; private set; }

    public int UnpairedCount => unpaired.Values.Sum(u => u.Count);

    public IEnumerable<Visit> Closed => Rows(open: false).Select(row => visits[row].ToVisit());

    /// <summary>The most recently closed visits, latest first.</summary>
    public IEnumerable<Visit> RecentlyClosed(int count) =>
        Rows(open: false).OrderByDescending(row => visits[row].CheckedOutAt).Take(count).Select(row => visits[row].ToVisit());

    public Visit? Find(Guid visitId) => RowOf(visitId) is var row && row == VisitTable.End ? null : visits[row].ToVisit();

    /// <summary>When the person checked in for the visit they are on now, if they are inside.</summary>
    public DateTimeOffset? InsideSince(string personId) => OpenRowOf(personId) is var row && row == VisitTable.End ? null : visits[row].CheckedInAt;

    public IEnumerable<string> VolunteersInside =>
        Rows(open: true).Where(row => visits[row].Role == PersonRole.Volunteer).Select(row => visits[row].PersonId).Distinct();

    /// <summary>Opens a visit, or answers why not (the person is inside already at that time).</summary>
    public string? CheckIn(Guid eventId, string kioskId, CheckIn body, DateTimeOffset at, DateTimeOffset now, List<PresenceChange> changes)
    {
        CloseOverdue(body.PersonId, now, changes);
        for (var row = visits.FirstOf(body.PersonId); row != VisitTable.End; row = visits[row].Next)
        {
            var covering = visits[row];
            if (covering.CheckedInAt <= at && at < (covering.CheckedOutAt ?? Deadline(row)))
            {
                return $"Person '{body.PersonId}' is already checked in here since {covering.CheckedInAt:O} (event {covering.Id}); a second open check-in is not allowed.";
            }
        }

        var opened = visits.Add(new VisitRow(eventId, body.PersonId, body.Role, body.Purpose, kioskId, at));
        InsideCount++;
        changes.Add(new PresenceChange(visits[opened].ToVisit(), PresenceChangeKind.Opened));

        var nextStart = NextCheckIn(opened);
        if (unpaired.TryGetValue(body.PersonId, out var waiting)
            && waiting.Where(u => u.At >= at && (nextStart is null || u.At <= nextStart)).MinBy(u => u.At) is { } checkOut)
        {
            waiting.Remove(checkOut);
            Replace(opened, visits[opened] with { CheckedOutAt = checkOut.At, CheckOutKind = CheckOutKind.Kiosk, CheckOutEventId = checkOut.EventId }, changes);
        }

        CloseOverdue(body.PersonId, now, changes);
        return null;
    }

    /// <summary>Closes the visit the check-out belongs to, or keeps it for a check-in still to come; answers why not when it contradicts one.</summary>
    public string? CheckOut(Guid eventId, string kioskId, string personId, DateTimeOffset at, DateTimeOffset now, List<PresenceChange> changes)
    {
        CloseOverdue(personId, now, changes);
        var row = VisitTable.End;
        for (var candidate = visits.FirstOf(personId); candidate != VisitTable.End && visits[candidate].CheckedInAt <= at; candidate = visits[candidate].Next)
        {
            row = candidate;
        }

        VisitRow? visit = row == VisitTable.End ? null : visits[row];
        if (visit is { IsOpen: true } && at <= Deadline(row))
        {
            Replace(row, visit.Value with { CheckedOutAt = at, CheckOutKind = CheckOutKind.Kiosk, CheckOutEventId = eventId }, changes);
        }
        else if (visit is { CheckOutKind: CheckOutKind.Automatic } && at <= visit.Value.CheckedOutAt)
        {
            // A real check-out arriving late replaces the automatic one: it is what actually happened.
            Replace(row, visit.Value with { CheckedOutAt = at, CheckOutKind = CheckOutKind.Kiosk, CheckOutEventId = eventId }, changes);
        }
        else if (visit is { IsOpen: false } && at <= visit.Value.CheckedOutAt)
        {
            return $"Person '{personId}' was already checked out at {visit.Value.CheckedOutAt:O} for the visit that began {visit.Value.CheckedInAt:O}.";
        }
        else
        {
            if (visit is { IsOpen: true })
            {
                Replace(row, Close(visit.Value, Deadline(row)), changes);
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
        var row = RowOf(visitId);
        if (row == VisitTable.End)
        {
            return $"Visit {visitId} is not known here (visits are kept for a limited time after they end).";
        }

        var visit = visits[row];
        var next = NextCheckIn(row);
        if (at < visit.CheckedInAt || at > now || at > next)
        {
            return "The check-out must lie between the check-in and now, and not after the person's next check-in.";
        }

        Replace(row, visit with { CheckedOutAt = at, CheckOutKind = CheckOutKind.Corrected, Correction = correction }, changes);
        return null;
    }

    /// <summary>Closes every visit whose deadline has passed.</summary>
    public void CloseAllOverdue(DateTimeOffset now, List<PresenceChange> changes)
    {
        for (var row = 0; row < visits.Count; row++)
        {
            CloseIfOverdue(row, now, changes);
        }
    }

    /// <summary>Forgets closed visits and unpaired check-outs older than the retention, and all but the most recent closed visits.</summary>
    public void Prune(DateTimeOffset before, int closedKept)
    {
        if (OldestKept(closedKept) is { } cutoff && cutoff >= before)
        {
            before = cutoff.AddTicks(1);
        }

        visits.RemoveAll(v => v.CheckedOutAt < before);
        foreach (var (person, list) in unpaired.ToList())
        {
            list.RemoveAll(u => u.At < before);
            if (list.Count == 0)
            {
                unpaired.Remove(person);
            }
        }
    }

    /// <summary>
    /// The check-out time of the closed visit just older than the <paramref name="closedKept"/> most recent ones, or
    /// null when there are no more than that. Sorted in a pooled buffer: it runs on every check of a busy center.
    /// </summary>
    private DateTimeOffset? OldestKept(int closedKept)
    {
        var closed = ArrayPool<DateTimeOffset>.Shared.Rent(visits.Count);
        try
        {
            var count = 0;
            for (var row = 0; row < visits.Count; row++)
            {
                if (visits[row].CheckedOutAt is { } at)
                {
                    closed[count++] = at;
                }
            }

            if (count <= closedKept)
            {
                return null;
            }

            var times = closed.AsSpan(0, count);
            times.Sort();
            return times[count - 1 - closedKept];
        }
        finally
        {
            ArrayPool<DateTimeOffset>.Shared.Return(closed);
        }
    }

    private IEnumerable<int> Rows(bool open) => Enumerable.Range(0, visits.Count).Where(row => visits[row].IsOpen == open);

    private int RowOf(Guid visitId)
    {
        for (var row = 0; row < visits.Count; row++)
        {
            if (visits[row].Id == visitId)
            {
                return row;
            }
        }

        return VisitTable.End;
    }

    private int OpenRowOf(string personId)
    {
        for (var row = visits.FirstOf(personId); row != VisitTable.End; row = visits[row].Next)
        {
            if (visits[row].IsOpen)
            {
                return row;
            }
        }

        return VisitTable.End;
    }

    /// <summary>Closing time or the maximum stay, and never after the person's next check-in.</summary>
    private DateTimeOffset Deadline(int row)
    {
        var deadline = baseDeadline(visits[row].CheckedInAt);
        return NextCheckIn(row) is { } next && next < deadline ? next : deadline;
    }

    /// <summary>When the person's next visit here began, if there is one.</summary>
    private DateTimeOffset? NextCheckIn(int row) =>
        visits[row].Next is var next && next != VisitTable.End ? visits[next].CheckedInAt : null;

    private void CloseOverdue(string personId, DateTimeOffset now, List<PresenceChange> changes)
    {
        for (var row = visits.FirstOf(personId); row != VisitTable.End; row = visits[row].Next)
        {
            CloseIfOverdue(row, now, changes);
        }
    }

    private void CloseIfOverdue(int row, DateTimeOffset now, List<PresenceChange> changes)
    {
        if (visits[row].IsOpen && Deadline(row) is var deadline && deadline <= now)
        {
            Replace(row, Close(visits[row], deadline), changes);
        }
    }

    private static VisitRow Close(VisitRow visit, DateTimeOffset at) =>
        visit with { CheckedOutAt = at, CheckOutKind = CheckOutKind.Automatic };

    private void Replace(int row, VisitRow visit, List<PresenceChange> changes)
    {
        InsideCount += (visit.IsOpen ? 1 : 0) - (visits[row].IsOpen ? 1 : 0);
        visits.Set(row, visit);
        changes.Add(new PresenceChange(visit.ToVisit(), PresenceChangeKind.Closed));
    }
}
