namespace Lianxin.Centers;

/// <summary>
/// The most people inside a center in each local hour of one day, as its figures came in. An hour without a report
/// held as many as the last report said, so hours in between are filled with it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.DayPattern")]
public sealed record DayPattern(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] IReadOnlyList<int> PeakByHour,
    [property: Id(2)] int LastHour,
    [property: Id(3)] int LastInside)
{
    /// <summary>Hours in a day: the length of <see cref="PeakByHour"/>.</summary>
    public const int Hours = 24;

    /// <summary>The pattern after a report of <paramref name="inside"/> people at <paramref name="hour"/> of <paramref name="day"/>; the same instance when nothing changes.</summary>
    public static DayPattern Record(DayPattern? pattern, DateOnly day, int hour, int inside)
    {
        hour = Math.Clamp(hour, 0, Hours - 1);
        inside = Math.Max(0, inside);
        if (pattern is null || pattern.Day != day)
        {
            // People still inside at midnight count for the new day's first hours.
            var carried = pattern is not null && pattern.Day.AddDays(1) == day ? pattern.LastInside : 0;
            var fresh = new int[Hours];
            Array.Fill(fresh, carried, 0, hour);
            fresh[hour] = Math.Max(carried, inside);
            return new DayPattern(day, fresh, hour, inside);
        }

        if (hour < pattern.LastHour || (hour == pattern.LastHour && inside == pattern.LastInside))
        {
            // A late report for an earlier hour (clock skew), or nothing new.
            return pattern;
        }

        var peaks = pattern.PeakByHour.ToArray();
        for (var h = pattern.LastHour + 1; h < hour; h++)
        {
            peaks[h] = Math.Max(peaks[h], pattern.LastInside);
        }

        if (hour > pattern.LastHour)
        {
            peaks[hour] = Math.Max(peaks[hour], pattern.LastInside);
        }

        peaks[hour] = Math.Max(peaks[hour], inside);
        return new DayPattern(day, peaks, hour, inside);
    }

    /// <summary>Today's peaks as of <paramref name="hour"/> with <paramref name="insideNow"/> people inside; null for hours still to come.</summary>
    public static IReadOnlyList<int?> Today(DayPattern? pattern, DateOnly day, int hour, int insideNow)
    {
        var current = Record(pattern, day, hour, insideNow);
        return [.. current.PeakByHour.Select((peak, h) => h <= hour ? peak : (int?)null)];
    }
}
