using Lianxin.Common;
using Lianxin.Kiosks;

namespace Lianxin.Centers;

/// <summary>
/// Turns a center's running "check-ins today" into check-ins per local hour. Each reading adds what grew since the last
/// one to the hour it is read in (a count that went down is a new day starting over), so nothing is counted twice and
/// nothing is lost across hours or a restart from the last saved reading; only the very first reading is a baseline.
/// Pure: the state is the three members, saved by its actor.
/// </summary>
public sealed class HourlyVisits(LocalCalendar calendar)
{
    /// <summary>The local hour being counted; null before the first reading.</summary>
    public DateTimeOffset? HourStart { get; set; }

    /// <summary>Check-ins counted in <see cref="HourStart"/>'s hour so far.</summary>
    public Dictionary<BasicFunction, int> Hour { get; set; } = [];

    /// <summary>The last reading.</summary>
    public Dictionary<BasicFunction, int> Latest { get; set; } = [];

    /// <summary>The start of the local hour holding <paramref name="instant"/>.</summary>
    public DateTimeOffset HourOf(DateTimeOffset instant)
    {
        var local = calendar.ToLocal(instant);
        return calendar.At(DateOnly.FromDateTime(local.DateTime), new TimeOnly(local.Hour, 0));
    }

    /// <summary>Adds a reading; answers the hour it closed (when the reading is in a later hour and the closed one had visits).</summary>
    public (DateTimeOffset Start, IReadOnlyDictionary<BasicFunction, int> Visits)? Observe(DateTimeOffset now, IReadOnlyDictionary<BasicFunction, int> today)
    {
        var closed = Close(now);
        var first = HourStart is null;
        HourStart ??= HourOf(now);
        if (!first)
        {
            foreach (var (function, count) in today)
            {
                var before = Latest.GetValueOrDefault(function);
                var grown = count >= before ? count - before : count;
                if (grown > 0)
                {
                    Hour[function] = Hour.GetValueOrDefault(function) + grown;
                }
            }
        }

        Latest = new Dictionary<BasicFunction, int>(today);
        return closed;
    }

    /// <summary>Closes the hour when <paramref name="now"/> is past it; answers it when it had visits.</summary>
    public (DateTimeOffset Start, IReadOnlyDictionary<BasicFunction, int> Visits)? Close(DateTimeOffset now)
    {
        if (HourStart is not { } start || HourOf(now) <= start)
        {
            return null;
        }

        var visits = Hour;
        (HourStart, Hour) = (HourOf(now), []);
        return visits.Values.Sum() > 0 ? (start, visits) : null;
    }
}
