using System.Globalization;
using Lianxin.Kiosks;

namespace Lianxin.Shifts;

/// <summary>Turns a recurring shift into concrete occurrences in local time (the product's time zone).</summary>
public static class ShiftRecurrence
{
    /// <summary>The occurrence id of a shift on the local day it starts.</summary>
    public static string OccurrenceId(string shiftId, DateOnly day) => $"{shiftId}-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>The local start day named by an occurrence id, or null when it is not one of the shift's.</summary>
    public static DateOnly? DayOf(string shiftId, string occurrenceId) =>
        occurrenceId.Length == shiftId.Length + 9 && occurrenceId.StartsWith(shiftId + "-", StringComparison.Ordinal)
        && DateOnly.TryParseExact(occurrenceId[(shiftId.Length + 1)..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : null;

    /// <summary>The start and end instants of the shift on a local day (an end not after the start is on the next day).</summary>
    public static (DateTimeOffset StartsAt, DateTimeOffset EndsAt) On(ShiftDefinition shift, DateOnly day, LocalCalendar calendar) =>
        (calendar.At(day, shift.Starts), calendar.At(shift.Ends > shift.Starts ? day : day.AddDays(1), shift.Ends));

    /// <summary>Occurrences of the shift that start after <paramref name="after"/> and no later than <paramref name="until"/>.</summary>
    public static IEnumerable<ShiftOccurrence> Between(ShiftDefinition shift, DateTimeOffset after, DateTimeOffset until, LocalCalendar calendar)
    {
        for (var day = calendar.Day(after); day <= calendar.Day(until); day = day.AddDays(1))
        {
            if (!shift.Days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var (startsAt, endsAt) = On(shift, day, calendar);
            if (startsAt > after && startsAt <= until)
            {
                yield return new ShiftOccurrence(OccurrenceId(shift.Id, day), shift.Id, shift.Title, startsAt, endsAt, shift.MinPeople, shift.MaxPeople, []);
            }
        }
    }
}
