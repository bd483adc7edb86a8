using Lianxin.Emergencies;

namespace Lianxin.Grains.Tests.Emergencies;

public sealed class AfterActionTests
{
    private static readonly DateTimeOffset Launch = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    private static RollCall Answered(params int?[] secondsToAnswer)
    {
        var rollCall = new RollCall();
        for (var i = 0; i < secondsToAnswer.Length; i++)
        {
            rollCall.Target($"p{i}", i % 2 == 0 ? "g1" : "g2");
            rollCall.Apply(new StatusChange(i * 10, $"p{i}", RollCallStatus.Notified, Launch.AddSeconds(1), RollCallChannel.App, "system", false, null, null));
            if (secondsToAnswer[i] is { } s)
            {
                rollCall.Apply(new StatusChange((i * 10) + 1, $"p{i}", RollCallStatus.Acknowledged, Launch.AddSeconds(s), RollCallChannel.App, $"p{i}", false, null, null));
            }
        }

        return rollCall;
    }

    [Fact]
    public void TimesTo50And90And100PercentAreWhenThatShareHadAnswered()
    {
        var rollCall = Answered(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);

        var times = AfterActionMetrics.Times(rollCall.People, Launch);

        Assert.Equal(new AccountedTimes(50, 90, 100), times);
    }

    [Fact]
    public void AShareNotYetReachedHasNoTime()
    {
        var times = AfterActionMetrics.Times(Answered(5, 7, null, null).People, Launch);

        Assert.Equal(new AccountedTimes(7, null, null), times);
    }

    [Fact]
    public void NobodyTargetedReachesNoShare() =>
        Assert.Equal(new AccountedTimes(null, null, null), AfterActionMetrics.Times([], Launch));

    [Fact]
    public void TheSeriesReplaysTheCountsOverTime()
    {
        var rollCall = Answered(30, 90);

        var series = AfterActionMetrics.Series(rollCall, Launch, Launch.AddSeconds(120), maxPoints: 4);

        Assert.Equal([0, 30, 60, 90, 120], series.Select(p => p.SecondsSinceLaunch));
        Assert.Equal([0, 1, 1, 2, 2], series.Select(p => p.Counts.Accounted));
        Assert.Equal(2, series[0].Counts.Unknown);
        Assert.Equal(1, series[2].Counts.Notified);
    }

    [Fact]
    public void TheGridCsvHasAnAllLineThenOneLinePerGridAndSaysDrill()
    {
        var report = Report(EmergencyMode.Exercise);

        var lines = AfterActionCsv.Grids(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(4, lines.Length);
        Assert.StartsWith("emergencyId,mode,gridId,total", lines[0]);
        Assert.Equal("em-1,exercise(演练),all,3,0,1,2,0,0,0,0,2,66.7,20,,", lines[1]);
        Assert.StartsWith("em-1,exercise(演练),g1,", lines[2]);
    }

    [Fact]
    public void CsvCellsAreQuotedAndNeverRunAsFormulas()
    {
        var report = Report(EmergencyMode.Actual) with
        {
            Timeline = [new TimelineEvent(Launch, "level", "=HYPERLINK(\"x\"), red")],
        };

        var csv = AfterActionCsv.Timeline(report);

        Assert.Contains("\"'=HYPERLINK(\"\"x\"\"), red\"", csv);
    }

    private static AfterActionReport Report(EmergencyMode mode) => new(
        "em-1", "台风", mode, EmergencyLevel.Red, EmergencyPhase.Ended, Launch, Launch.AddMinutes(10),
        new StatusCounts(0, 1, 2, 0, 0, 0, 0), 2, 0, new AccountedTimes(20, null, null),
        [new GridReport("g1", new StatusCounts(0, 0, 2, 0, 0, 0, 0), new AccountedTimes(10, 20, 20)), new GridReport("g2", new StatusCounts(0, 1, 0, 0, 0, 0, 0), new AccountedTimes(null, null, null))],
        [], [], []);
}
