using Lianxin.Emergencies;
using Lianxin.WebHost.Tests.Emergencies;
using static Lianxin.WebHost.Tests.Security.Callers;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Emergencies: launched and commanded by the operator of the region or the grid lead of the grid; followed by the
/// operators, auditors and staff above or below its home and the grid leads of the grids it reaches; never by a
/// volunteer (a volunteer sees its own alerts, in the registry rows).
/// </summary>
public static partial class EndpointMatrix
{
    private static IEnumerable<EndpointRow> Emergencies()
    {
        Func<SecurityDistrict, string> grid = d => $"/api/v1/emergencies/{d.GridEmergency}";
        Func<SecurityDistrict, string> region = d => $"/api/v1/emergencies/{d.RegionEmergency}";
        var followers = FollowersOfGridEmergency;
        // Every follower of the region's emergency but the grid lead of A1 may see grid B1's people.
        CallerSpec[] followersOfB1 = [Operator, Auditor, Staff, OtherStaff, OtherLead];
        var launchProbe = EmergencyCount;
        return
        [
            Get("/api/v1/emergencies/", _ => "/api/v1/emergencies", EveryBearer),
            Write("POST", "/api/v1/emergencies/preview", _ => "/api/v1/emergencies/preview", _ => EmergencyRequests.Launch(EmergencyRequests.Grids(GridA1)), launchProbe, Operator, Lead),
            Write("POST", "/api/v1/emergencies/", _ => "/api/v1/emergencies", _ => EmergencyRequests.Launch(EmergencyRequests.Grids(GridA1)), launchProbe, Operator, Lead),
            Write("POST", "/api/v1/emergencies/", _ => "/api/v1/emergencies", _ => EmergencyRequests.Launch(EmergencyRequests.Grids(GridB1)), launchProbe, Operator, OtherLead)
                with { Variant = "grid B1" },
            Write("POST", "/api/v1/emergencies/", _ => "/api/v1/emergencies", _ => EmergencyRequests.Launch(new { kind = "region", ids = new[] { Region1 } }), launchProbe, Operator)
                with { Variant = "region 1" },
            Write("POST", "/api/v1/emergencies/", _ => "/api/v1/emergencies", _ => EmergencyRequests.Launch(new { kind = "centers", ids = new[] { CenterA } }), launchProbe, Operator)
                with { Variant = "center A" },
            Get("/api/v1/emergencies/{id}", grid, followers),
            Write("POST", "/api/v1/emergencies/{id}/level", d => $"{grid(d)}/level", _ => new { level = "red", comment = "升级" },
                EndpointRow.Reads(grid, "level"), Operator, Lead),
            Write("POST", "/api/v1/emergencies/{id}/end", d => $"{grid(d)}/end", _ => new { comment = "结束" }, EndpointRow.Reads(grid, "phase"), Operator, Lead),
            Write("POST", "/api/v1/emergencies/{id}/cancel", d => $"{grid(d)}/cancel", _ => new { comment = "误报" }, EndpointRow.Reads(grid, "phase"), Operator, Lead),
            Get("/api/v1/emergencies/{id}/rollcall", d => $"{grid(d)}/rollcall", followers),
            Get("/api/v1/emergencies/{id}/people", d => $"{grid(d)}/people", followers),
            Get("/api/v1/emergencies/{id}/people", d => $"{region(d)}/people?gridId={GridB1}", followersOfB1) with { Variant = "grid B1 of the region's emergency" },
            Get("/api/v1/emergencies/{id}/unaccounted", d => $"{grid(d)}/unaccounted", followers),
            Get("/api/v1/emergencies/{id}/people/{volunteerId}", d => $"{grid(d)}/people/{VolunteerA1}", followers),
            Get("/api/v1/emergencies/{id}/people/{volunteerId}", d => $"{region(d)}/people/{VolunteerB1}", followersOfB1) with { Variant = "person of B1 in the region's emergency" },
            Write("POST", "/api/v1/emergencies/{id}/responses", d => $"{grid(d)}/responses", _ => EmergencyRequests.OnBehalf(VolunteerA1, "acknowledged", "电话确认"),
                EndpointRow.Reads(d => $"{grid(d)}/people/{VolunteerA1}"), Operator, Lead, Staff, Volunteer),
            Get("/api/v1/emergencies/{id}/cap", d => $"{grid(d)}/cap", followers),
            Get("/api/v1/emergencies/{id}/cap/{number:int}", d => $"{grid(d)}/cap/1", followers),
            Get("/api/v1/emergencies/{id}/report", d => $"{grid(d)}/report", followers),
            Get("/api/v1/emergencies/{id}/report.csv", d => $"{grid(d)}/report.csv", followers),
            Get("/api/v1/emergencies/{id}/deliveries", d => $"{grid(d)}/deliveries", followers),
            Get("/api/v1/alerts/proposals/", _ => "/api/v1/alerts/proposals", EveryBearer),
            Write("POST", "/api/v1/alerts/proposals/{id}/confirm", _ => $"/api/v1/alerts/proposals/{ProposalRegion1}/confirm", null, ProposalProbe, Operator),
            Write("POST", "/api/v1/alerts/proposals/{id}/dismiss", _ => $"/api/v1/alerts/proposals/{ProposalRegion1}/dismiss", null, ProposalProbe, Operator),
        ];
    }

    private static async Task<string> ProposalProbe(SecurityDistrict d) =>
        (await d.Grains.GetGrain<IAlertProposalsGrain>(0).ListAsync()).Single(p => p.Id == ProposalRegion1).State.ToString();

    private static async Task<string> EmergencyCount(SecurityDistrict d) =>
        (await d.Grains.GetGrain<IEmergencyDirectoryGrain>(0).ListAsync()).Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
