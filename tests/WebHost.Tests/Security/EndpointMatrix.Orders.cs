using static Lianxin.WebHost.Tests.Security.Callers;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Orders: staff of the request's center or above (and operators of the region) turn a request into an order or reject
/// it; a person claims as themselves, or staff record the claim; the queue is read like the center, a person's orders
/// like the person.
/// </summary>
public static partial class EndpointMatrix
{
    private static IEnumerable<EndpointRow> Orders()
    {
        static string Loop(SecurityDistrict d) => $"/api/v1/help-requests/{d.HelpRequest}/loop";
        return
        [
            Write("POST", "/api/v1/help-requests/{id}/order", d => $"/api/v1/help-requests/{d.HelpRequest}/order",
                _ => new { skills = new[] { "driving" }, peopleNeeded = 2, timeLimitMinutes = 60, note = "需两人" }, EndpointRow.Reads(Loop, "stage"), WritersOfCenterA),
            Write("POST", "/api/v1/help-requests/{id}/reject", d => $"/api/v1/help-requests/{d.HelpRequest}/reject", _ => new { reason = "不属于服务范围" },
                EndpointRow.Reads(Loop, "stage"), WritersOfCenterA),
            Write("POST", "/api/v1/help-requests/{id}/claim", d => $"/api/v1/help-requests/{d.HelpRequest}/claim", _ => new { personId = VolunteerA1 },
                EndpointRow.Reads(Loop, "order"), [.. WritersOfCenterA, Volunteer]),
            Get("/api/v1/centers/{id}/orders", _ => $"/api/v1/centers/{CenterA}/orders", ReadersOfCenterA),
            Get("/api/v1/volunteers/{id}/orders", _ => $"/api/v1/volunteers/{VolunteerA1}/orders", ReadersOfVolunteerA1),
            Get("/api/v1/centers/{id}/positions", _ => $"/api/v1/centers/{CenterA}/positions", ReadersOfCenterA),
            Write("PUT", "/api/v1/centers/{id}/positions", _ => $"/api/v1/centers/{CenterA}/positions", _ => PositionsRequest(),
                EndpointRow.Reads(_ => $"/api/v1/centers/{CenterA}/positions"), WritersOfCenterA),
            Get("/api/v1/centers/{id}/teams", _ => $"/api/v1/centers/{CenterA}/teams", ReadersOfCenterA),
            Get("/api/v1/teams/{id}", _ => $"/api/v1/teams/{TeamA}", [.. ReadersOfCenterA, Volunteer]),
            Write("PUT", "/api/v1/teams/{id}", _ => $"/api/v1/teams/{TeamA}", _ => TeamRequest(), EndpointRow.Reads(_ => $"/api/v1/teams/{TeamA}"), WritersOfCenterA),
        ];
    }

    /// <summary>Center A hosts a youth home.</summary>
    public static object PositionsRequest() => new
    {
        positions = new[]
        {
            new { id = "youth", kind = "youthHome", name = "青年之家", opens = "09:00", closes = "21:00", functions = new[] { "volunteerService" }, contact = "青年之家值班室" },
        },
    };
}
