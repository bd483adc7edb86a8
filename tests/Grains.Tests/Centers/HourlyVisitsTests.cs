using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Kiosks;

namespace Lianxin.Grains.Tests.Centers;

public sealed class HourlyVisitsTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly HourlyVisits _visits = new(new LocalCalendar(TimeZoneInfo.CreateCustomTimeZone("cst", China, "cst", "cst")));

    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 6, day, hour, minute, 0, China);

    private static Dictionary<BasicFunction, int> Today(int party, int culture) =>
        new() { [BasicFunction.PartyBuilding] = party, [BasicFunction.CultureSportsLeisure] = culture };

    [Fact]
    public void EachHourCountsWhatGrewInItAndIsClosedByTheNextHour()
    {
        _visits.Observe(At(1, 9, 10), Today(5, 5));
        Assert.Null(_visits.Observe(At(1, 9, 40), Today(7, 6)));

        var nine = _visits.Observe(At(1, 10, 5), Today(8, 6));
        var ten = _visits.Close(At(1, 11, 0));

        Assert.Equal(At(1, 9, 0), nine!.Value.Start);
        Assert.Equal(2, nine.Value.Visits[BasicFunction.PartyBuilding]);
        Assert.Equal(1, nine.Value.Visits[BasicFunction.CultureSportsLeisure]);
        Assert.Equal(1, ten!.Value.Visits.Values.Sum());
    }

    [Fact]
    public void ANewDayStartsFromZeroAndAQuietHourIsNotPublished()
    {
        _visits.Observe(At(1, 23, 10), Today(5, 5));
        _visits.Observe(At(1, 23, 50), Today(6, 5));

        var lateHour = _visits.Observe(At(2, 0, 20), Today(0, 2));
        var firstHour = _visits.Close(At(2, 3, 0));
        var quiet = _visits.Close(At(2, 5, 0));

        Assert.Equal(1, lateHour!.Value.Visits.Values.Sum());
        Assert.Equal(At(2, 0, 0), firstHour!.Value.Start);
        Assert.Equal(2, firstHour.Value.Visits[BasicFunction.CultureSportsLeisure]);
        Assert.Null(quiet);
    }
}
