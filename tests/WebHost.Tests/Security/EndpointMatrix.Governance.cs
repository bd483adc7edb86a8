using static Lianxin.WebHost.Tests.Security.Callers;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Governance: read by operators, auditors and staff within their scope; rating decisions and demonstration picks by
/// the operators of the level above the center only (never its own staff).
/// </summary>
public static partial class EndpointMatrix
{
    private static IEnumerable<EndpointRow> Governance()
    {
        const string root = "/api/v1/governance";
        var center = $"{root}/centers/{CenterA}";
        var region = $"{root}/regions/{Region1}";
        var site = "latitude=27.7&longitude=121.1";
        return
        [
            Get($"{root}/rating-model", _ => $"{root}/rating-model", Operator, OtherOperator, Auditor, OtherAuditor, Staff, OtherStaff),
            Get($"{root}/centers/{{id}}/compliance", _ => $"{center}/compliance", ReadersOfCenterA),
            Get($"{root}/centers/{{id}}/ratings/{{year:int}}", _ => $"{center}/ratings/{Year}", ReadersOfCenterA),
            Get($"{root}/centers/{{id}}/ratings/{{year:int}}.csv", _ => $"{center}/ratings/{Year}.csv", ReadersOfCenterA),
            Write("POST", $"{root}/centers/{{id}}/ratings/{{year:int}}/decisions", _ => $"{center}/ratings/{Year}/decisions",
                _ => new { stars = 5, reason = "委员会评定" }, EndpointRow.Reads(_ => $"{center}/ratings/{Year}", "decisions"), Operator),
            Get($"{root}/centers/{{id}}/reports/{{year:int}}", _ => $"{center}/reports/{Year}", ReadersOfCenterA),
            Get($"{root}/centers/{{id}}/residential-points", _ => $"{center}/residential-points", ReadersOfCenterA),
            Get($"{root}/centers/{{id}}/residential-points.csv", _ => $"{center}/residential-points.csv", ReadersOfCenterA),
            Write("PUT", $"{root}/centers/{{id}}/residential-points", _ => $"{center}/residential-points",
                _ => new { points = new[] { new { id = "p1", gridId = GridA1, location = new { latitude = 27.705, longitude = 121.105 }, households = 120 } } },
                EndpointRow.Reads(_ => $"{center}/residential-points"), WritersOfCenterA),
            Get($"{root}/regions/{{id}}/compliance", _ => $"{region}/compliance", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/compliance.csv", _ => $"{region}/compliance.csv", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/ratings/{{year:int}}", _ => $"{region}/ratings/{Year}", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/ratings/{{year:int}}.csv", _ => $"{region}/ratings/{Year}.csv", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/demonstration/{{year:int}}", _ => $"{region}/demonstration/{Year}", ReadersOfRegion1),
            Write("PUT", $"{root}/regions/{{id}}/demonstration/{{year:int}}", _ => $"{region}/demonstration/{Year}",
                _ => new { centerIds = new[] { CenterA }, reason = "示范中心" }, EndpointRow.Reads(_ => $"{region}/demonstration/{Year}"), Operator),
            Get($"{root}/regions/{{id}}/help-requests/{{year:int}}", _ => $"{region}/help-requests/{Year}", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/help-requests/{{year:int}}.csv", _ => $"{region}/help-requests/{Year}.csv", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/service-circle", _ => $"{region}/service-circle", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/service-circle/areas.csv", _ => $"{region}/service-circle/areas.csv", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/service-circle/uncovered.csv", _ => $"{region}/service-circle/uncovered.csv", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/service-circle/proposal", _ => $"{region}/service-circle/proposal?{site}", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/service-circle/proposal.csv", _ => $"{region}/service-circle/proposal.csv?{site}", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/service-circle.geojson", _ => $"{region}/service-circle.geojson", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/service-circle/best-sites", _ => $"{region}/service-circle/best-sites?count=2", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/volunteer-hours", _ => $"{region}/volunteer-hours?from={Year}-01-01&to={Year}-12-31", ReadersOfRegion1),
            Get($"{root}/regions/{{id}}/volunteer-hours.csv", _ => $"{region}/volunteer-hours.csv?from={Year}-01-01&to={Year}-12-31", ReadersOfRegion1),
        ];
    }
}
