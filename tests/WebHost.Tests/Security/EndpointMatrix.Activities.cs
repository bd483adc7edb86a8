using static Lianxin.WebHost.Tests.Security.Callers;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Activities: organisers (operators and staff over the center) publish, cancel, check in and see who signed up; any
/// volunteer browses; a volunteer signs up, cancels and confirms only as themselves.
/// </summary>
public static partial class EndpointMatrix
{
    private static IEnumerable<EndpointRow> Activities()
    {
        var activity = $"/api/v1/activities/{ActivityA}";
        var place = $"{activity}/sign-ups/{VolunteerA1}";
        CallerSpec[] browsers = [.. ReadersOfCenterA, Volunteer, OtherVolunteer, Resident];
        CallerSpec[] personOrOrganisers = [.. WritersOfCenterA, Volunteer];
        return
        [
            Write("POST", "/api/v1/centers/{id}/activities/", _ => $"/api/v1/centers/{CenterA}/activities", _ => ActivityRequest("r1-a-act-new"),
                EndpointRow.Reads(_ => "/api/v1/activities/r1-a-act-new"), WritersOfCenterA),
            Get("/api/v1/centers/{id}/activities/", _ => $"/api/v1/centers/{CenterA}/activities", browsers),
            Get("/api/v1/activities/{id}/", _ => activity, browsers),
            Write("POST", "/api/v1/activities/{id}/cancel", _ => $"{activity}/cancel", _ => new { reason = "场地维修" }, EndpointRow.Reads(_ => activity, "phase"), WritersOfCenterA),
            Get("/api/v1/activities/{id}/sign-ups", _ => $"{activity}/sign-ups", ReadersOfCenterA),
            Write("POST", "/api/v1/activities/{id}/sign-ups", _ => $"{activity}/sign-ups", _ => new { personId = VolunteerA1 },
                EndpointRow.Reads(_ => activity, "attempts"), personOrOrganisers),
            Get("/api/v1/activities/{id}/sign-ups/{personId}", _ => place, [.. ReadersOfCenterA, Volunteer]),
            Write("POST", "/api/v1/activities/{id}/sign-ups/{personId}/cancel", _ => $"{place}/cancel", null, EndpointRow.Reads(_ => place, "status"), personOrOrganisers),
            Write("POST", "/api/v1/activities/{id}/sign-ups/{personId}/confirm", _ => $"{place}/confirm", null, EndpointRow.Reads(_ => place, "status"), personOrOrganisers),
            Write("POST", "/api/v1/activities/{id}/sign-ups/{personId}/check-in", _ => $"{place}/check-in", null, EndpointRow.Reads(_ => place, "status"), WritersOfCenterA),
        ];
    }
}
