using Lianxin.Centers;
using Lianxin.Kiosks;

namespace Lianxin.Grains.Tests.Kiosks;

public sealed class KioskHealthRulesTests
{
    private static readonly KioskOptions Options = new();
    private static readonly LocalCalendar Calendar = new(Options.Zone);
    private static readonly KioskHealthRules Rules = new(Options, Calendar);
    private static readonly OpeningHours Hours = new(new TimeOnly(8, 30), new TimeOnly(20, 30));
    private static readonly DateTimeOffset Ten = new(2026, 5, 1, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(0, KioskConnectivity.Online)]
    [InlineData(119, KioskConnectivity.Online)]
    [InlineData(120, KioskConnectivity.Degraded)]
    [InlineData(299, KioskConnectivity.Degraded)]
    [InlineData(300, KioskConnectivity.Offline)]
    public void HeartbeatAgeSetsTheState(int secondsSilent, KioskConnectivity expected) =>
        Assert.Equal(expected, Rules.Connectivity(Ten, Ten.AddSeconds(secondsSilent)));

    [Fact]
    public void KioskThatNeverBeatIsUnknown() => Assert.Equal(KioskConnectivity.Unknown, Rules.Connectivity(null, Ten));

    [Fact]
    public void UptimeCountsUpUntilOfflineAndSplitsAtLocalMidnight()
    {
        var days = new Dictionary<DateOnly, DailyUptime>();
        var lastBeat = new DateTimeOffset(2026, 5, 1, 23, 50, 0, TimeSpan.FromHours(8));

        Rules.Account(days, lastBeat, lastBeat.AddMinutes(30), lastBeat);

        Assert.Equal((300, 600), (days[new DateOnly(2026, 5, 1)].UpSeconds, days[new DateOnly(2026, 5, 1)].WatchedSeconds));
        Assert.Equal((0, 1200), (days[new DateOnly(2026, 5, 2)].UpSeconds, days[new DateOnly(2026, 5, 2)].WatchedSeconds));
        Assert.Equal(50, days[new DateOnly(2026, 5, 1)].Percent);
    }

    [Fact]
    public void OutageAlertIsDueAfterFifteenMinutesOfflineInOpeningHoursOnly()
    {
        var lastBeat = Ten;
        var offlineSince = lastBeat + Options.OfflineAfter;

        Assert.False(Rules.OutageAlertDue(lastBeat, offlineSince.AddMinutes(14), Hours));
        Assert.True(Rules.OutageAlertDue(lastBeat, offlineSince.AddMinutes(15), Hours));
        var night = new DateTimeOffset(2026, 5, 1, 23, 0, 0, TimeSpan.FromHours(8));
        Assert.False(Rules.OutageAlertDue(night.AddHours(-2), night, Hours));
    }

    [Fact]
    public void OutageOvernightCountsFromOpeningTime()
    {
        var lastBeat = new DateTimeOffset(2026, 5, 1, 2, 0, 0, TimeSpan.FromHours(8));

        Assert.False(Rules.OutageAlertDue(lastBeat, new DateTimeOffset(2026, 5, 1, 8, 40, 0, TimeSpan.FromHours(8)), Hours));
        Assert.True(Rules.OutageAlertDue(lastBeat, new DateTimeOffset(2026, 5, 1, 8, 45, 0, TimeSpan.FromHours(8)), Hours));
    }
}
