using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>
/// The after-action report as CSV tables for spreadsheets (the product's one writer, <see cref="CsvTable"/>): the grids
/// (with an "all" line) or the timeline.
/// </summary>
public static class AfterActionCsv
{
    public static string Grids(AfterActionReport report) => CsvTable.Text(
        ["emergencyId", "mode", "gridId", "total", "unknown", "notified", "acknowledged", "enRoute", "atPost",
            "unavailable", "needHelp", "accounted", "accountedPercent", "secondsTo50Percent", "secondsTo90Percent", "secondsTo100Percent"],
        report.Grids.Select(g => Row(report, g.GridId, g.Counts, g.Times)).Prepend(Row(report, "all", report.Counts, report.Times)));

    public static string Timeline(AfterActionReport report) => CsvTable.Text(
        ["emergencyId", "mode", "at", "secondsSinceLaunch", "kind", "detail"],
        report.Timeline.Select(e => (IReadOnlyList<object?>)
            [report.EmergencyId, Mode(report.Mode), e.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                (e.At - report.LaunchedAt).TotalSeconds, e.Kind, e.Detail]));

    private static IReadOnlyList<object?> Row(AfterActionReport report, string grid, StatusCounts c, AccountedTimes t) =>
        [report.EmergencyId, Mode(report.Mode), grid, c.Total, c.Unknown, c.Notified, c.Acknowledged, c.EnRoute,
            c.AtPost, c.Unavailable, c.NeedHelp, c.Accounted, RollCallMath.Percent(c.Accounted, c.Total),
            t.SecondsTo50Percent, t.SecondsTo90Percent, t.SecondsTo100Percent];

    private static string Mode(EmergencyMode mode) => mode switch
    {
        EmergencyMode.Exercise => "exercise(演练)",
        EmergencyMode.Test => "test(测试)",
        _ => "actual",
    };
}
