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

    [Fact]
    public void AKioskThatUploadsButSendsNoHeartbeatIsOnline()
    {
        var upload = Ten.AddMinutes(-1);

        var lastSign = KioskHealthRules.LastSign(null, upload);

        Assert.Equal(KioskConnectivity.Online, Rules.Connectivity(lastSign, Ten));
        Assert.False(Rules.OutageAlertDue(lastSign, Ten, Hours));
        Assert.Equal(Ten, KioskHealthRules.LastSign(Ten, upload));
        Assert.Equal(Ten, KioskHealthRules.LastSign(upload, Ten));
    }

    [Fact]
    public void PeripheralsOutOfOrderRaiseAlertsBySeverityAndResolveWhenOk()
    {
        var peripherals = new Dictionary<string, PeripheralStatus>
        {
            ["printer"] = PeripheralStatus.Fault,
            ["scanner"] = PeripheralStatus.Offline,
            ["cardReader"] = PeripheralStatus.Warning,
            ["camera"] = PeripheralStatus.Ok,
        };

        var (raise, resolve) = PeripheralAlertRules.Reconcile("k-1", "c-1", peripherals, new Dictionary<string, KioskAlert>(), Ten);
        var open = raise.ToDictionary(a => a.Peripheral!);
        var (again, none) = PeripheralAlertRules.Reconcile("k-1", "c-1", peripherals, open, Ten.AddMinutes(1));
        peripherals["printer"] = PeripheralStatus.Ok;
        peripherals["cardReader"] = PeripheralStatus.Fault;
        var (worse, fixedOrChanged) = PeripheralAlertRules.Reconcile("k-1", "c-1", peripherals, open, Ten.AddMinutes(2));

        Assert.Empty(resolve);
        Assert.Equal(
            [("cardReader", KioskAlertSeverity.Minor), ("printer", KioskAlertSeverity.Major), ("scanner", KioskAlertSeverity.Major)],
            raise.Select(a => (a.Peripheral!, a.Severity)));
        Assert.All(raise, a => Assert.Equal((KioskAlertKind.Peripheral, "c-1", (DateTimeOffset?)null), (a.Kind, a.CenterId, a.ResolvedAt)));
        Assert.Empty(again);
        Assert.Empty(none);
        Assert.Equal([("cardReader", KioskAlertSeverity.Major)], worse.Select(a => (a.Peripheral!, a.Severity)));
        Assert.Equal(["printer", "cardReader"], fixedOrChanged.Select(a => a.Peripheral!).Order().Reverse());
        Assert.All(fixedOrChanged, a => Assert.Equal(Ten.AddMinutes(2), a.ResolvedAt));
    }
}
