using static Lianxin.WebHost.Tests.Security.Callers;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Shifts: readers of the center see its rota and those short of people; operators and staff over it define, change and
/// retire shifts; a volunteer takes and gives back a place only as themselves (staff on their behalf); a person's shifts
/// and availability are read like the person, and set by them or the writers over their center.
/// </summary>
public static partial class EndpointMatrix
{
    private static IEnumerable<EndpointRow> Shifts()
    {
        var rota = $"/api/v1/centers/{CenterA}/shifts";
        CallerSpec[] personOrWriters = [.. WritersOfCenterA, Volunteer];
        // The person's own places: unlike the whole rota, they do not change as the horizon moves on with the clock.
        var mine = EndpointRow.Reads(_ => $"/api/v1/volunteers/{VolunteerA1}/shifts", "mine");
        return
        [
            Get("/api/v1/centers/{id}/shifts/", _ => rota, ReadersOfCenterA),
            Write("POST", "/api/v1/centers/{id}/shifts/", _ => rota, _ => ShiftRequest("r1-a-new-shift"), EndpointRow.Reads(_ => rota, "definitions"), WritersOfCenterA),
            Write("PUT", "/api/v1/centers/{id}/shifts/{shiftId}", _ => $"{rota}/{ShiftA}", _ => ShiftRequest(null, maxPeople: 5), EndpointRow.Reads(_ => rota, "definitions"), WritersOfCenterA),
            Write("POST", "/api/v1/centers/{id}/shifts/{shiftId}/retire", _ => $"{rota}/{ShiftA}/retire", null, EndpointRow.Reads(_ => rota, "definitions"), WritersOfCenterA),
            Get("/api/v1/centers/{id}/shifts/staff-contact", _ => $"{rota}/staff-contact", ReadersOfCenterA),
            Write("PUT", "/api/v1/centers/{id}/shifts/staff-contact", _ => $"{rota}/staff-contact", _ => new { phone = "13900000000" },
                EndpointRow.Reads(_ => $"{rota}/staff-contact"), WritersOfCenterA),
            Get("/api/v1/centers/{id}/shifts/at-risk", _ => $"{rota}/at-risk", ReadersOfCenterA),
            Write("POST", "/api/v1/centers/{id}/shifts/occurrences/{occurrenceId}/sign-ups", d => $"{rota}/occurrences/{d.ShiftOccurrenceA}/sign-ups",
                _ => new { personId = VolunteerA1 }, mine, personOrWriters),
            Write("POST", "/api/v1/centers/{id}/shifts/occurrences/{occurrenceId}/sign-ups/{personId}/cancel",
                d => $"{rota}/occurrences/{d.ShiftOccurrenceA}/sign-ups/{VolunteerA1}/cancel", null, mine, personOrWriters),
            Get("/api/v1/volunteers/{id}/shifts/", _ => $"/api/v1/volunteers/{VolunteerA1}/shifts", ReadersOfVolunteerA1),
            Get("/api/v1/volunteers/{id}/shifts/availability", _ => $"/api/v1/volunteers/{VolunteerA1}/shifts/availability", ReadersOfVolunteerA1),
            Write("PUT", "/api/v1/volunteers/{id}/shifts/availability", _ => $"/api/v1/volunteers/{VolunteerA1}/shifts/availability",
                _ => new { windows = new[] { new { day = "monday", from = "08:00", to = "12:00" } } },
                EndpointRow.Reads(_ => $"/api/v1/volunteers/{VolunteerA1}/shifts/availability"), personOrWriters),
        ];
    }

    /// <summary>A shift of center A every day, 03:00-04:00 local time, one or two people.</summary>
    public static object ShiftRequest(string? id, int maxPeople = 2) => new
    {
        id,
        title = "夜间值守",
        days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" },
        starts = "03:00",
        ends = "04:00",
        minPeople = 1,
        maxPeople,
    };
}
