using static Lianxin.WebHost.Tests.Security.Callers;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// The registry lists and the public center page. A list without a region answers every caller the list is for with
/// their own scope's lines (so other regions' callers are allowed too, and see none of region 1's); naming a region or
/// grid out of reach is refused like reading it.
/// </summary>
public static partial class EndpointMatrix
{
    // A property, not a field: the partial files' static fields initialise in no set order, and Rows reads this one.
    private static CallerSpec[] CenterListers => [Operator, OtherOperator, Auditor, OtherAuditor, Staff, OtherStaff];

    private static IEnumerable<EndpointRow> Lists() =>
    [
        Get("/api/v1/centers/", _ => "/api/v1/centers", CenterListers),
        Get("/api/v1/centers/", _ => $"/api/v1/centers?region={CenterA}", ReadersOfCenterA) with { Variant = "region A" },
        Get("/api/v1/grids/", _ => "/api/v1/grids", [.. CenterListers, Lead, OtherLead]),
        Get("/api/v1/volunteers/", _ => "/api/v1/volunteers", EveryBearer),
        Get("/api/v1/volunteers/", _ => $"/api/v1/volunteers?grid={GridA1}", ReadersOfGridA1) with { Variant = "grid A1" },
        Get("/api/v1/kiosks/", _ => "/api/v1/kiosks?health=online", CenterListers),
        Get("/api/v1/help-requests/", _ => "/api/v1/help-requests?stage=open", CenterListers),
        Get("/api/v1/emergencies/directory", _ => "/api/v1/emergencies/directory", [.. CenterListers, Lead, OtherLead]),
        new("GET", "/api/v1/public/centers/{id}", Access.Public) { Why = "the public center page (服务信息公开): no personal data, checked by PublicPageTests" },
        new("GET", "/api/v1/public/nearby", Access.Public) { Why = "centers near a point for the public page: no personal data" },
    ];
}
