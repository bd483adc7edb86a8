using Lianxin.Emergencies;
using Lianxin.Kiosks;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Kiosks;
using Lianxin.WebHost.Tests.Registry;
using static Lianxin.WebHost.Tests.Security.Callers;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Every endpoint of the web host, one row each (a few endpoints have a second row for another target): who may call
/// it on a target in region 1, so that everyone else must be refused. A new endpoint fails the matrix tests until it is
/// described here. The rules come from <see cref="AccessPolicy"/>; the emergency and governance rows in their own files.
/// </summary>
public static partial class EndpointMatrix
{
    public static IReadOnlyList<EndpointRow> Rows { get; } = [.. Public(), .. Registry(), .. Kiosks(), .. Emergencies(), .. Governance(), .. Operations(), .. Activities(), .. EventFeed(), .. Orders(), .. Lists(), .. Residents(), .. Shifts()];

    public static EndpointRow Row(string key) => Rows.Single(r => r.Key == key);

    private static EndpointRow Get(string route, Func<SecurityDistrict, string> path, params CallerSpec[] allowed) =>
        new("GET", route, Access.Bearer) { Path = path, Allowed = allowed };

    private static EndpointRow Write(
        string method, string route, Func<SecurityDistrict, string> path, Func<SecurityDistrict, object?>? body, Func<SecurityDistrict, Task<string>> probe, params CallerSpec[] allowed) =>
        new(method, route, Access.Bearer) { Path = path, Body = body, Probe = probe, Allowed = allowed };

    private static IEnumerable<EndpointRow> Public() =>
    [
        new("*", "/health/live", Access.Public) { Why = "liveness probe of the orchestrator" },
        new("*", "/health/ready", Access.Public) { Why = "readiness probe of the orchestrator" },
        new("POST", "/api/v1/dev/tokens", Access.Public) { Why = "development and demo sign-in; not mapped in production" },
        new("POST", "/api/v1/alerts/inbound", Access.Public) { Why = "a warning source signs in with its own key (X-Source-Key), checked by InboundAlertTests" },
        new("GET", "/api/v1/dashboard/settings", Access.Public) { Why = "what the sign-in page needs before there is a token" },
        new("GET", "/volunteer", Access.Public) { Why = "redirect to the static volunteer page" },
        new("GET", "/openapi/{documentName}.json", Access.Public) { Why = "the API description" },
        new("GET", "/api/{documentName?}", Access.Public) { Why = "the API reference page (static)" },
        new("GET", "/api/scalar.js", Access.Public) { Why = "script of the API reference page" },
        new("GET", "/api/scalar.aspnetcore.js", Access.Public) { Why = "script of the API reference page" },
        new("GET", "/api/favicon.svg", Access.Public) { Why = "icon of the API reference page" },
        new("*", "/hubs/live/negotiate", Access.Hub) { Why = "checked per scope by LiveHubAuthorizationTests" },
        new("*", "/hubs/live", Access.Hub) { Why = "checked per scope by LiveHubAuthorizationTests" },
    ];

    private static IEnumerable<EndpointRow> Registry() =>
    [
        Get("/api/v1/centers/{id}", _ => $"/api/v1/centers/{CenterA}", ReadersOfCenterA),
        Get("/api/v1/centers/{id}/children", _ => $"/api/v1/centers/{CenterA}/children", ReadersOfCenterA),
        Get("/api/v1/centers/{id}/map", _ => $"/api/v1/centers/{CenterA}/map", ReadersOfCenterA),
        Write("POST", "/api/v1/centers/", _ => "/api/v1/centers", _ => Requests.Center("r1-a-new", "community", CenterA),
            EndpointRow.Reads(_ => "/api/v1/centers/r1-a-new"), WritersOfCenterA),
        Write("PUT", "/api/v1/centers/{id}", _ => $"/api/v1/centers/{CenterA}", _ => Requests.Center(CenterA, "community", Region1, area: 1),
            EndpointRow.Reads(_ => $"/api/v1/centers/{CenterA}", "profile"), WritersOfCenterA),
        Get("/api/v1/centers/{id}/activity", _ => $"/api/v1/centers/{CenterA}/activity", ReadersOfCenterA),
        Write("POST", "/api/v1/centers/{id}/visits/{visitId:guid}/check-out", d => $"/api/v1/centers/{CenterA}/visits/{d.PendingHours}/check-out",
            _ => new { checkedOutAt = DateTimeOffset.UtcNow.AddMinutes(-10), reason = "补录签退" },
            EndpointRow.Reads(_ => $"/api/v1/centers/{CenterA}/activity", "recentlyClosed"), WritersOfCenterA),
        Get("/api/v1/grids/{id}", _ => $"/api/v1/grids/{GridA1}", ReadersOfGridA1),
        Get("/api/v1/grids/{id}/roster", _ => $"/api/v1/grids/{GridA1}/roster", ReadersOfGridA1),
        Write("POST", "/api/v1/grids/", _ => "/api/v1/grids", _ => Requests.Grid("r1-a-new-g", CenterA),
            EndpointRow.Reads(_ => "/api/v1/grids/r1-a-new-g"), WritersOfCenterA),
        Write("PUT", "/api/v1/grids/{id}", _ => $"/api/v1/grids/{GridA1}", _ => Requests.Grid(GridA1, CenterA, Requests.Square(27.75)),
            EndpointRow.Reads(_ => $"/api/v1/grids/{GridA1}"), WritersOfCenterA),
        Get("/api/v1/volunteers/{id}", _ => $"/api/v1/volunteers/{VolunteerA1}", ReadersOfVolunteerA1),
        Get("/api/v1/volunteers/{id}/alerts", _ => $"/api/v1/volunteers/{VolunteerA1}/alerts", ReadersOfVolunteerA1),
        Get("/api/v1/volunteers/{id}/mobilization", _ => $"/api/v1/volunteers/{VolunteerA1}/mobilization", ReadersOfVolunteerA1),
        Write("POST", "/api/v1/volunteers/", _ => "/api/v1/volunteers", _ => Requests.Volunteer("r1-a-new-v", GridA1),
            EndpointRow.Reads(_ => "/api/v1/volunteers/r1-a-new-v"), WritersOfCenterA),
        Write("PUT", "/api/v1/volunteers/{id}", _ => $"/api/v1/volunteers/{VolunteerA1}", _ => Requests.Volunteer(VolunteerA1, GridA1, "fullTimeWorker"),
            EndpointRow.Reads(_ => $"/api/v1/volunteers/{VolunteerA1}", "profile"), WritersOfCenterA),
        Get("/api/v1/people/{id}/ledger", _ => $"/api/v1/people/{VolunteerA1}/ledger", ReadersOfVolunteerA1),
        Write("POST", "/api/v1/people/{id}/hours/{hoursId:guid}/decision", d => $"/api/v1/people/{VolunteerA1}/hours/{d.PendingHours}/decision",
            _ => new { decision = "approved" }, EndpointRow.Reads(_ => $"/api/v1/people/{VolunteerA1}/ledger", "hours"), WritersOfCenterA),
        Get("/api/v1/help-requests/{id}", d => $"/api/v1/help-requests/{d.HelpRequest}", ReadersOfCenterA),
        Get("/api/v1/help-requests/{id}/loop", d => $"/api/v1/help-requests/{d.HelpRequest}/loop", ReadersOfCenterA),
        Write("POST", "/api/v1/help-requests/", _ => "/api/v1/help-requests", _ => new { centerId = CenterA, function = "careAssistance", description = "需要上门帮助" },
            EndpointRow.Reads(_ => $"/api/v1/centers/{CenterA}/activity", "openHelpRequests"), WritersOfCenterA),
        Write("POST", "/api/v1/help-requests/{id}/assign", d => $"/api/v1/help-requests/{d.HelpRequest}/assign", _ => new { volunteerId = VolunteerA1, note = "请处理" },
            EndpointRow.Reads(d => $"/api/v1/help-requests/{d.HelpRequest}/loop", "owner"), WritersOfCenterA),
        Write("POST", "/api/v1/help-requests/{id}/start", d => $"/api/v1/help-requests/{d.HelpRequest}/start", _ => new { note = "开始" },
            EndpointRow.Reads(d => $"/api/v1/help-requests/{d.HelpRequest}/loop", "stage"), WritersOfCenterA),
        Write("POST", "/api/v1/help-requests/{id}/resolve", d => $"/api/v1/help-requests/{d.HelpRequest}/resolve", _ => new { note = "已解决" },
            EndpointRow.Reads(d => $"/api/v1/help-requests/{d.HelpRequest}/loop", "stage"), WritersOfCenterA),
        Write("POST", "/api/v1/help-requests/{id}/rate", d => $"/api/v1/help-requests/{d.HelpRequest}/rate", _ => new { rating = 5, comment = "很好" },
            EndpointRow.Reads(d => $"/api/v1/help-requests/{d.HelpRequest}/loop", "rating"), WritersOfCenterA),
        Get("/api/v1/audit/", _ => "/api/v1/audit", Operator, OtherOperator, Auditor, OtherAuditor),
        Get("/api/v1/scenarios/", _ => "/api/v1/scenarios", EveryBearer),
        Get("/api/v1/scenarios/{id}", _ => $"/api/v1/scenarios/{ScenarioRegion1}", Operator, Auditor, Lead, OtherLead),
        Write("POST", "/api/v1/scenarios/", _ => "/api/v1/scenarios", _ => Scenario("s-new"), ScenarioProbe("s-new"),
            Operator, OtherOperator, Lead, OtherLead),
        Write("PUT", "/api/v1/scenarios/{id}", _ => $"/api/v1/scenarios/{ScenarioGridA1}", _ => Scenario(ScenarioGridA1, "改名"), ScenarioProbe(ScenarioGridA1), Lead),
        Write("PUT", "/api/v1/scenarios/{id}", _ => $"/api/v1/scenarios/{ScenarioRegion1}", _ => Scenario(ScenarioRegion1, "改名"), ScenarioProbe(ScenarioRegion1), Operator)
            with { Variant = "region's scenario" },
    ];

    private static IEnumerable<EndpointRow> Kiosks() =>
    [
        Get("/api/v1/kiosks/{id}", _ => $"/api/v1/kiosks/{KioskA}", ReadersOfCenterA),
        Write("POST", "/api/v1/kiosks/", _ => "/api/v1/kiosks", _ => Requests.Kiosk("k-r1-a-new", CenterA), EndpointRow.Reads(_ => "/api/v1/kiosks/k-r1-a-new"), WritersOfCenterA),
        Write("PUT", "/api/v1/kiosks/{id}", _ => $"/api/v1/kiosks/{KioskA}", _ => new { id = KioskA, centerId = CenterA, name = "改名终端" },
            EndpointRow.Reads(_ => $"/api/v1/kiosks/{KioskA}"), WritersOfCenterA),
        Write("POST", "/api/v1/kiosks/{id}/keys", _ => $"/api/v1/kiosks/{KioskA}/keys", null, KioskKeyWorks, WritersOfCenterA),
        Write("DELETE", "/api/v1/kiosks/{id}/keys", _ => $"/api/v1/kiosks/{KioskA}/keys", null, KioskKeyWorks, WritersOfCenterA),
        Get("/api/v1/kiosks/{id}/health", _ => $"/api/v1/kiosks/{KioskA}/health", ReadersOfCenterA),
        Get("/api/v1/kiosks/{id}/ingest", _ => $"/api/v1/kiosks/{KioskA}/ingest", ReadersOfCenterA),
        new("POST", "/api/v1/kiosks/{kioskId}/events", Access.Kiosk)
        {
            Path = _ => $"/api/v1/kiosks/{KioskA}/events",
            Body = _ => new { events = new[] { Wire.CheckIn("r1-a-visitor", DateTimeOffset.UtcNow.AddMinutes(-1)) } },
            Probe = EndpointRow.Reads(_ => $"/api/v1/kiosks/{KioskA}/ingest"),
            Allowed = [KioskAKey],
        },
        new("POST", "/api/v1/kiosks/{kioskId}/heartbeat", Access.Kiosk)
        {
            Path = _ => $"/api/v1/kiosks/{KioskA}/heartbeat",
            Body = _ => new { appVersion = "9.9.9", peripherals = new { printer = "fault" } },
            Probe = EndpointRow.Reads(_ => $"/api/v1/kiosks/{KioskA}/health", "lastHeartbeatAt"),
            Allowed = [KioskAKey],
        },
    ];

    private static Func<SecurityDistrict, Task<string>> ScenarioProbe(string id) => async d =>
        (await d.Grains.GetGrain<IScenarioGrain>(id).GetAsync())?.Definition.Name ?? "none";

    /// <summary>Kiosk A's device key still opens: nobody rotated or revoked it.</summary>
    private static async Task<string> KioskKeyWorks(SecurityDistrict d)
    {
        var key = d.AuthorizationOf(KioskAKey)!.Split('.', 2)[1];
        return await d.Grains.GetGrain<IKioskGrain>(SecurityDistrict.KioskA).AuthenticateAsync(KioskAuthentication.Hash(key)) ?? "refused";
    }
}
