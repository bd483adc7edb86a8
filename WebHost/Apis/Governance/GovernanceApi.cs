using Lianxin.WebHost.Apis.Governance;
using Lianxin.WebHost.Limits;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// Governance from live evidence: <c>/api/v1/governance</c>. Standards compliance per center and region, the
/// annual star rating with the committee's decisions and the demonstration centers, the 15-minute service circle
/// with its residential-point registry, CSV exports and the printable yearly report.
/// </summary>
public static class GovernanceApi
{
    public static RouteGroupBuilder MapGovernanceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/governance").WithTags("Governance").RequireAuthorization(AuthConfiguration.AnyRolePolicy)
            .CacheRegionReports();
        ComplianceEndpoints.Map(group);
        RatingEndpoints.Map(group);
        DemonstrationEndpoints.Map(group);
        ServiceCircleEndpoints.Map(group);
        ResidentialPointsEndpoints.Map(group);
        ClosedLoopEndpoints.Map(group);
        ReportEndpoints.Map(group);
        VolunteerServiceEndpoints.Map(group);
        return group;
    }
}
