using System.Globalization;
using System.Net;
using System.Text;
using Lianxin.Centers;
using Lianxin.Governance;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>
/// The printable yearly report of one center (年度报告): a self-contained HTML page (no scripts, fonts or images to
/// fetch) laid out for A4, with compliance, the star rating and every contribution, the committee's decisions,
/// the help requests' closed loop and the service circle.
/// </summary>
internal static class CenterReportPage
{
    private const string Style = """
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10.5pt; color: #111; margin: 24px; }
        h1 { font-size: 18pt; margin: 0 0 4px; } h2 { font-size: 13pt; margin: 18px 0 6px; border-bottom: 2px solid #b71c1c; break-after: avoid; }
        .sub { color: #555; margin: 0 0 12px; } table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
        th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; } th { background: #f3e5e5; }
        tr { break-inside: avoid; } td.num { text-align: right; white-space: nowrap; } .fail { color: #b71c1c; font-weight: bold; }
        .pass { color: #1b5e20; } .exempt { color: #e65100; } .na { color: #666; } .stars { font-size: 16pt; color: #c62828; }
        .note { color: #555; font-size: 9pt; } thead { display: table-header-group; }
        @page { size: A4; margin: 14mm; } @media print { body { margin: 0; } }
        """;

    public static string Render(
        CenterSnapshot center, CenterCompliance compliance, CenterRating rating, CoverageReport coverage, IReadOnlyList<LoopStatisticsRow> helpRequests, DateTimeOffset generatedAt)
    {
        var p = center.Profile;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"{p.Name} {rating.Year} 年度报告")).Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>").Append(E(p.Name)).Append("</h1><p class=\"sub\">")
            .Append(E($"Yearly report {rating.Year} (年度报告) · {Name(p.Level)} · center id {center.Id}")).Append("</p>");

        html.Append("<h2>Registry facts</h2><table><tbody>");
        Row(html, "Floor area", $"{N(p.FloorAreaSqm)} m²");
        Row(html, "Households", p.Households is { } h ? N(h) : "—");
        Row(html, "Opening hours", $"{p.OpeningHours.Opens:HH\\:mm}–{p.OpeningHours.Closes:HH\\:mm}; 24-hour self-service: {(p.SelfService24h ? "yes" : "no")}, {center.KioskIds.Count} kiosk(s)");
        Row(html, "Staff", string.Join("; ", p.Staff.Select(s => $"{s.Name} ({Name(s.Role)}, {s.TrainingDays} training days)")));
        Row(html, "Functions offered", $"{p.Functions.Count} of 10: {string.Join(", ", p.Functions.Select(Name))}");
        html.Append("</tbody></table>");

        html.Append("<h2>Standards compliance</h2><table><thead><tr><th>Check</th><th>Outcome</th><th>Measured</th><th>Required</th><th>Details</th></tr></thead><tbody>");
        foreach (var c in compliance.Checks)
        {
            var details = c.Summary + (c.ExemptionReason is { } r ? $" Exemption reason: {r}" : "") + (c.Findings.Count > 0 ? " " + string.Join(" ", c.Findings) : "");
            html.Append("<tr><td>").Append(E(Name(c.Kind))).Append("</td><td class=\"").Append(Css(c.Outcome)).Append("\">").Append(E(Name(c.Outcome)))
                .Append("</td><td class=\"num\">").Append(E(c.Measured is { } m ? $"{N(m)} {c.Unit}" : "—"))
                .Append("</td><td class=\"num\">").Append(E(c.Required is { } q ? $"{N(q)} {c.Unit}" : "—"))
                .Append("</td><td>").Append(E(details)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");

        var computed = rating.Computed;
        html.Append("<h2>Star rating (星级评定)</h2><p><span class=\"stars\">").Append(E(Stars(rating.FinalStars))).Append("</span> ")
            .Append(E($"final: {rating.FinalStars} stars ({rating.FinalFrom}); computed score {N(computed.Score)} of 100 → {computed.Stars} stars, model {computed.ModelVersion}.")).Append("</p>");
        foreach (var note in computed.Notes)
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>");
        }

        html.Append("<table><thead><tr><th>Code</th><th>Indicator</th><th>Weight</th><th>Points</th><th>Evidence</th></tr></thead><tbody>");
        foreach (var d in computed.Dimensions)
        {
            html.Append("<tr><th>").Append(E(d.Code)).Append("</th><th>").Append(E($"{d.Name} {d.NameZh}")).Append("</th><th class=\"num\">").Append(N(d.Weight))
                .Append("</th><th class=\"num\">").Append(N(d.Points)).Append("</th><th></th></tr>");
            foreach (var m in d.Indicators.SelectMany(i => i.Measures))
            {
                html.Append("<tr><td>").Append(E(m.Code)).Append("</td><td>").Append(E($"{m.Name} {m.NameZh}")).Append("</td><td class=\"num\">").Append(N(m.Weight))
                    .Append("</td><td class=\"num\">").Append(m.Fraction is null ? "—" : N(m.Points)).Append("</td><td>").Append(E(m.Evidence)).Append("</td></tr>");
            }
        }

        html.Append("</tbody></table>");
        html.Append("<h2>Rating committee decisions</h2>");
        if (rating.Decisions.Count == 0)
        {
            html.Append("<p>No decision recorded for this year.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th>Recorded</th><th>Stars</th><th>Computed</th><th>By</th><th>Reason</th></tr></thead><tbody>");
            foreach (var d in rating.Decisions)
            {
                html.Append("<tr><td>").Append(E(d.DecidedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append("</td><td class=\"num\">").Append(d.Stars)
                    .Append("</td><td class=\"num\">").Append(E($"{d.ComputedStars} ({N(d.ComputedScore)}, {d.ModelVersion})")).Append("</td><td>").Append(E(d.DecidedBy))
                    .Append("</td><td>").Append(E(d.Reason)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        AppendClosedLoop(html, helpRequests);

        var t = coverage.Totals;
        html.Append("<h2>15-minute service circle</h2><p>")
            .Append(E($"{N(t.CoveredHouseholds)} of {N(t.Households)} households ({N(t.HouseholdShare * 100)} %) and {t.CoveredPoints} of {t.Points} residential points of this center lie within {N(coverage.WalkingDistanceMeters)} m of one of {coverage.Sites} sites."))
            .Append("</p><p class=\"note\">").Append(E($"Distance: {coverage.DistanceMethod}.")).Append("</p>");
        if (coverage.Uncovered.Count > 0)
        {
            html.Append("<table><thead><tr><th>Uncovered point</th><th>Households</th><th>Nearest site</th><th>Distance</th></tr></thead><tbody>");
            foreach (var u in coverage.Uncovered)
            {
                html.Append("<tr><td>").Append(E(u.Id)).Append("</td><td class=\"num\">").Append(u.Households).Append("</td><td>").Append(E(u.NearestSiteId ?? "—"))
                    .Append("</td><td class=\"num\">").Append(E(u.NearestSiteMeters is { } m ? $"{N(m)} m" : "—")).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<p class=\"note\">").Append(E($"Generated {generatedAt:yyyy-MM-dd HH:mm} UTC from the live registry and evidence.")).Append("</p></body></html>");
        return html.ToString();
    }

    /// <summary>The help requests of the year as a closed loop: per function, how many, how many still open or overdue, how fast closed.</summary>
    private static void AppendClosedLoop(StringBuilder html, IReadOnlyList<LoopStatisticsRow> rows)
    {
        html.Append("<h2>Help requests: the closed loop (问题导向、量化闭环)</h2>");
        if (rows.Count == 0)
        {
            html.Append("<p>No help request was raised at this center in the year.</p>");
            return;
        }

        var totals = ClosedLoopTotals.Of(rows);
        html.Append("<p>").Append(E($"{totals.Raised} raised, {totals.Resolved} resolved ({totals.ResolvedOnTime} on time, never overdue), {totals.Open} still open, {totals.OverdueNow} overdue now.")).Append("</p>");
        html.Append("<table><thead><tr><th>Function</th><th>Raised</th><th>Open</th><th>Overdue now</th><th>Resolved</th><th>On time</th><th>Median hours to resolve</th><th>Average rating</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            html.Append("<tr><td>").Append(E(Name(r.Function))).Append("</td><td class=\"num\">").Append(r.Raised).Append("</td><td class=\"num\">").Append(r.Open)
                .Append("</td><td class=\"num\">").Append(r.OverdueNow).Append("</td><td class=\"num\">").Append(r.Resolved).Append("</td><td class=\"num\">").Append(r.ResolvedOnTime)
                .Append("</td><td class=\"num\">").Append(r.MedianHoursToResolve is { } h ? N(h) : "—").Append("</td><td class=\"num\">").Append(r.AverageRating is { } a ? N(a) : "—")
                .Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    private static string Stars(int stars) => stars == 0 ? "no star rating" : new string('★', stars);

    private static string Css(ComplianceOutcome outcome) => outcome switch
    {
        ComplianceOutcome.Pass => "pass",
        ComplianceOutcome.Fail => "fail",
        ComplianceOutcome.Exempt => "exempt",
        _ => "na",
    };

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => EnumNames.Of(value);

    private static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
