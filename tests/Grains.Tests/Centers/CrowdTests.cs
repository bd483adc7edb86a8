using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.Grains.Tests.Centers;

public sealed class CrowdTests
{
    private static readonly DateOnly Day = new(2026, 12, 5);

    [Theory]
    [InlineData(0, 100, CrowdLevel.Quiet)]
    [InlineData(29, 100, CrowdLevel.Quiet)]
    [InlineData(30, 100, CrowdLevel.Normal)]
    [InlineData(69, 100, CrowdLevel.Normal)]
    [InlineData(70, 100, CrowdLevel.Busy)]
    [InlineData(250, 100, CrowdLevel.Busy)]
    [InlineData(-3, 100, CrowdLevel.Quiet)]
    public void CrowdLevelIsPeopleInsideAgainstCapacity(int inside, int capacity, CrowdLevel expected) =>
        Assert.Equal(expected, CrowdLevels.Of(inside, capacity));

    [Fact]
    public void CapacityIsTheStatedOneElseDerivedFromTheFloorAreaWithAFloor()
    {
        var profile = new CenterProfile("中心", CenterLevel.Street, null, new GeoPoint(27.7, 121.1), 1200, null,
            new OpeningHours(new TimeOnly(8, 30), new TimeOnly(17, 30)), true, [], [], null);

        Assert.Equal(240, CenterCapacity.Of(profile));
        Assert.Equal(35, CenterCapacity.Of(profile with { Capacity = 35 }));
        Assert.Equal(CenterCapacity.Minimum, CenterCapacity.Of(profile with { FloorAreaSqm = 20 }));
    }

    [Fact]
    public void EachHourKeepsItsPeakAndQuietHoursHoldTheLastCount()
    {
        var pattern = DayPattern.Record(null, Day, 9, 4);
        pattern = DayPattern.Record(pattern, Day, 9, 12);
        pattern = DayPattern.Record(pattern, Day, 9, 6);
        pattern = DayPattern.Record(pattern, Day, 12, 3);

        var today = DayPattern.Today(pattern, Day, 13, 1);

        Assert.Equal(12, today[9]);
        Assert.Equal([6, 6], [today[10], today[11]]);
        Assert.Equal(6, today[12]);
        Assert.Equal(3, today[13]);
        Assert.Equal(0, today[8]);
        Assert.All(today.Skip(14), h => Assert.Null(h));
    }

    [Fact]
    public void ANewDayStartsAfreshWithThosePresentAtMidnight()
    {
        var yesterday = DayPattern.Record(null, Day, 23, 5);

        var pattern = DayPattern.Record(yesterday, Day.AddDays(1), 2, 1);

        Assert.Equal(Day.AddDays(1), pattern.Day);
        Assert.Equal([5, 5, 5], pattern.PeakByHour.Take(3));
        Assert.Equal(0, pattern.PeakByHour[3]);
        Assert.Equal([0, 0], DayPattern.Record(yesterday, Day.AddDays(3), 1, 0).PeakByHour.Take(2));
    }

    [Fact]
    public void ALateReportForAnEarlierHourChangesNothing()
    {
        var pattern = DayPattern.Record(DayPattern.Record(null, Day, 10, 2), Day, 11, 3);

        Assert.Same(pattern, DayPattern.Record(pattern, Day, 10, 50));
    }
}
