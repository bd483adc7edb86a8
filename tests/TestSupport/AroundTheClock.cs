using System.Globalization;

namespace Lianxin.TestSupport;

/// <summary>
/// Opening hours for a test center open around the clock: opening and closing at the same hour makes one 24-hour
/// period, and taking the hour twelve hours from now (centers' time, UTC+8) keeps its turn far from any test's visits,
/// which would otherwise be closed at the end of their day whatever the hour of the run.
/// </summary>
public static class AroundTheClock
{
    /// <summary>The hour ("HH:00", centers' time) twelve hours from now: both opening and closing time.</summary>
    public static string Turn() => DateTimeOffset.UtcNow.AddHours(12).ToOffset(TimeSpan.FromHours(8)).ToString("HH:00", CultureInfo.InvariantCulture);

    /// <summary>The <c>openingHours</c> of a center request: opening and closing at <see cref="Turn"/>.</summary>
    public static object Hours()
    {
        var turn = Turn();
        return new { opens = turn, closes = turn };
    }
}
