using System.Globalization;
using System.Text;

namespace Lianxin.Emergencies;

/// <summary>The after-action report as CSV tables for spreadsheets: the grids (with an "all" line) or the timeline.</summary>
public static class AfterActionCsv
{
    public static string Grids(AfterActionReport report)
    {
        var csv = new StringBuilder();
        Line(csv, "emergencyId", "mode", "gridId", "total", "unknown", "notified", "acknowledged", "enRoute", "atPost",
            "unavailable", "needHelp", "accounted", "accountedPercent", "secondsTo50Percent", "secondsTo90Percent", "secondsTo100Percent");
        Row(csv, report, "all", report.Counts, report.Times);
        foreach (var grid in report.Grids)
        {
            Row(csv, report, grid.GridId, grid.Counts, grid.Times);
        }

        return csv.ToString();
    }

    public static string Timeline(AfterActionReport report)
    {
        var csv = new StringBuilder();
        Line(csv, "emergencyId", "mode", "at", "secondsSinceLaunch", "kind", "detail");
        foreach (var e in report.Timeline)
        {
            Line(csv, report.EmergencyId, Mode(report.Mode), e.At.ToString("O", CultureInfo.InvariantCulture),
                N((e.At - report.LaunchedAt).TotalSeconds), e.Kind, e.Detail);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, AfterActionReport report, string grid, StatusCounts c, AccountedTimes t) =>
        Line(csv, report.EmergencyId, Mode(report.Mode), grid, N(c.Total), N(c.Unknown), N(c.Notified), N(c.Acknowledged), N(c.EnRoute),
            N(c.AtPost), N(c.Unavailable), N(c.NeedHelp), N(c.Accounted), N(RollCallMath.Percent(c.Accounted, c.Total)),
            N(t.SecondsTo50Percent), N(t.SecondsTo90Percent), N(t.SecondsTo100Percent));

    private static string Mode(EmergencyMode mode) => mode switch
    {
        EmergencyMode.Exercise => "exercise(演练)",
        EmergencyMode.Test => "test(测试)",
        _ => "actual",
    };

    private static string N(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static void Line(StringBuilder csv, params string[] fields)
    {
        csv.AppendJoin(',', fields.Select(Escape));
        csv.Append("\r\n");
    }

    /// <summary>RFC 4180 quoting, and a leading apostrophe so a spreadsheet never runs a cell as a formula.</summary>
    private static string Escape(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '@' or '\t' or '\r' || (field.Length > 1 && field[0] == '-' && !char.IsDigit(field[1])))
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
