using System.Text.Json;
using static Lianxin.WebHost.Tests.Security.Callers;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>Every write endpoint that takes a body, with the fields the corpus attacks and where text fields are read back.</summary>
public static class BadInputTargets
{
    public static IReadOnlyList<BadInputTarget> All { get; } =
    [
        new(Row("POST /api/v1/centers/"), Operator,
            Text("name", "/api/v1/centers/r1-a-new", "profile", "name"), F("staff[0].name", FieldKind.UncheckedText), F("id", FieldKind.Id),
            F("parentId", FieldKind.Id), F("level", FieldKind.Enum), F("functions[0]", FieldKind.Enum), F("staff[0].role", FieldKind.Enum),
            F("floorAreaSqm", FieldKind.Number), F("households", FieldKind.Number), F("location", FieldKind.Point), F("functions", FieldKind.Array),
            F("staff", FieldKind.Array), F("openingHours.opens", FieldKind.UncheckedText)),
        new(Row("PUT /api/v1/centers/{id}"), Operator,
            Text("name", $"/api/v1/centers/{CenterA}", "profile", "name"), F("level", FieldKind.Enum), F("floorAreaSqm", FieldKind.Number), F("location", FieldKind.Point),
            F("capacity", FieldKind.Number), F("address", FieldKind.UncheckedText)),
        new(Row("POST /api/v1/grids/"), Operator,
            Text("name", "/api/v1/grids/r1-a-new-g", "name"), F("id", FieldKind.Id), F("centerId", FieldKind.Id), F("boundary", FieldKind.Polygon)),
        new(Row("PUT /api/v1/grids/{id}"), Operator, Text("name", $"/api/v1/grids/{GridA1}", "name"), F("boundary", FieldKind.Polygon)),
        new(Row("POST /api/v1/volunteers/"), Operator,
            Text("name", "/api/v1/volunteers/r1-a-new-v", "profile", "name"), F("id", FieldKind.Id), F("homeGridId", FieldKind.Id),
            F("gridRole", FieldKind.Enum), F("skills", FieldKind.Array), F("skills[0]", FieldKind.UncheckedText), F("phone", FieldKind.Id)),
        new(Row("PUT /api/v1/volunteers/{id}"), Operator, Text("name", $"/api/v1/volunteers/{VolunteerA1}", "profile", "name"), F("location", FieldKind.Point)),
        new(Row("POST /api/v1/kiosks/"), Operator, Text("name", "/api/v1/kiosks/k-r1-a-new", "profile", "name"), F("id", FieldKind.Id), F("centerId", FieldKind.Id)),
        new(Row("PUT /api/v1/kiosks/{id}"), Operator, Text("name", $"/api/v1/kiosks/{KioskA}", "profile", "name"), F("centerId", FieldKind.Id)),
        new(Row("POST /api/v1/kiosks/{kioskId}/events"), KioskAKey,
            F("events[0].personId", FieldKind.UncheckedText), F("events[0].type", FieldKind.Enum), F("events[0].eventId", FieldKind.Id),
            F("events[0].occurredAt", FieldKind.Id), F("events", FieldKind.Array)),
        new(Row("POST /api/v1/kiosks/{kioskId}/heartbeat"), KioskAKey, F("appVersion", FieldKind.UncheckedText), F("peripherals.printer", FieldKind.Enum)),
        new(Row("POST /api/v1/centers/{id}/visits/{visitId:guid}/check-out"), Operator, F("reason", FieldKind.UncheckedText), F("checkedOutAt", FieldKind.Id)),
        new(Row("POST /api/v1/people/{id}/hours/{hoursId:guid}/decision"), Operator, F("decision", FieldKind.Enum), F("reason", FieldKind.UncheckedText)),
        new(Row("POST /api/v1/governance/centers/{id}/ratings/{year:int}/decisions"), Operator, F("reason", FieldKind.UncheckedText), F("stars", FieldKind.Number)),
        new(Row("PUT /api/v1/governance/regions/{id}/demonstration/{year:int}"), Operator, F("reason", FieldKind.UncheckedText), F("centerIds", FieldKind.Array), F("centerIds[0]", FieldKind.Id)),
        new(Row("PUT /api/v1/governance/centers/{id}/residential-points"), Operator,
            F("points", FieldKind.Array), F("points[0].id", FieldKind.Id), F("points[0].location", FieldKind.Point), F("points[0].households", FieldKind.Number)),
        new(Row("POST /api/v1/scenarios/"), Operator, Text("name", "/api/v1/scenarios/s-new", "definition", "name"), F("id", FieldKind.Id), F("level", FieldKind.Enum)),
        new(Row("PUT /api/v1/scenarios/{id} (region's scenario)"), Operator, Text("name", $"/api/v1/scenarios/{ScenarioRegion1}", "definition", "name"), F("category", FieldKind.Enum)),
        new(Row("POST /api/v1/emergencies/preview"), Operator, F("name", FieldKind.UncheckedText), F("scope.kind", FieldKind.Enum), F("scope.ids", FieldKind.Array)),
        new(Row("POST /api/v1/emergencies/ (region 1)"), Operator,
            F("name", FieldKind.UncheckedText), F("mode", FieldKind.Enum), F("level", FieldKind.Enum), F("category", FieldKind.Enum),
            F("scope.kind", FieldKind.Enum), F("scope.ids", FieldKind.Array), F("scope.ids[0]", FieldKind.Id), F("posts", FieldKind.Array)),
        new(Row("POST /api/v1/emergencies/{id}/level"), Operator, F("level", FieldKind.Enum), F("comment", FieldKind.UncheckedText)),
        new(Row("POST /api/v1/emergencies/{id}/end"), Operator, F("comment", FieldKind.UncheckedText)),
        new(Row("POST /api/v1/emergencies/{id}/cancel"), Operator, F("comment", FieldKind.UncheckedText)),
        new(Row("POST /api/v1/emergencies/{id}/responses"), Operator,
            F("status", FieldKind.Enum), F("comment", FieldKind.UncheckedText), F("volunteerId", FieldKind.Id), F("channel", FieldKind.Enum), F("location", FieldKind.Point)),
        new(Row("POST /api/v1/help-requests/"), Operator, F("description", FieldKind.UncheckedText), F("centerId", FieldKind.Id), F("function", FieldKind.Enum)),
        new(Row("POST /api/v1/help-requests/{id}/assign"), Operator, F("note", FieldKind.UncheckedText), F("volunteerId", FieldKind.Id)),
        new(Row("POST /api/v1/help-requests/{id}/rate"), Operator, F("rating", FieldKind.Number), F("comment", FieldKind.UncheckedText)),
        new(Row("POST /api/v1/help-requests/{id}/order"), Operator,
            F("peopleNeeded", FieldKind.Number), F("timeLimitMinutes", FieldKind.Number), F("skills", FieldKind.Array), F("skills[0]", FieldKind.UncheckedText),
            F("note", FieldKind.UncheckedText)),
        new(Row("POST /api/v1/help-requests/{id}/reject"), Operator, F("reason", FieldKind.UncheckedText)),
        new(Row("POST /api/v1/help-requests/{id}/claim"), Operator, F("personId", FieldKind.Id)),
        new(Row("PUT /api/v1/centers/{id}/positions"), Operator,
            F("positions", FieldKind.Array), F("positions[0].id", FieldKind.Id), F("positions[0].kind", FieldKind.Enum), F("positions[0].name", FieldKind.UncheckedText),
            F("positions[0].opens", FieldKind.Id), F("positions[0].functions", FieldKind.Array), F("positions[0].functions[0]", FieldKind.Enum),
            F("positions[0].contact", FieldKind.UncheckedText)),
        new(Row("PUT /api/v1/teams/{id}"), Operator,
            F("centerId", FieldKind.Id), F("name", FieldKind.UncheckedText), F("leaderId", FieldKind.Id), F("memberIds", FieldKind.Array), F("memberIds[0]", FieldKind.Id)),
        new(Row("POST /api/v1/centers/{id}/activities/"), Operator,
            F("title", FieldKind.UncheckedText), F("room", FieldKind.UncheckedText), F("id", FieldKind.Id), F("function", FieldKind.Enum),
            F("audience", FieldKind.Enum), F("capacity", FieldKind.Number), F("offerMinutes", FieldKind.Number), F("startsAt", FieldKind.Id)),
        new(Row("POST /api/v1/activities/{id}/cancel"), Operator, F("reason", FieldKind.UncheckedText)),
        new(Row("POST /api/v1/activities/{id}/sign-ups"), Operator, F("personId", FieldKind.Id)),
        new(Row("POST /api/v1/event-subscriptions/"), Operator,
            F("url", FieldKind.UncheckedText), F("id", FieldKind.Id), F("regionId", FieldKind.Id), F("startAfter", FieldKind.Number),
            F("delivery", FieldKind.Enum), F("batchSize", FieldKind.Number)),
        new(Row("POST /api/v1/providers/"), Operator,
            Text("name", "/api/v1/providers/prov-r1-new", "profile", "name"), F("id", FieldKind.Id), F("licenceNumber", FieldKind.UncheckedText),
            F("services", FieldKind.Array), F("services[0]", FieldKind.Enum), F("validFrom", FieldKind.Id), F("rating", FieldKind.Number), F("regionId", FieldKind.Id)),
        new(Row("PUT /api/v1/providers/{id}"), Operator,
            Text("name", $"/api/v1/providers/{ProviderRegion1}", "profile", "name"), F("services[0]", FieldKind.Enum), F("validUntil", FieldKind.Id), F("rating", FieldKind.Number)),
        new(Row("POST /api/v1/residents/sign-in/codes"), Anonymous, F("phone", FieldKind.Id)),
        new(Row("POST /api/v1/residents/sign-in/"), Anonymous, F("phone", FieldKind.Id), F("code", FieldKind.Id)),
        new(Row("POST /api/v1/kiosks/{kioskId}/resident-sessions"), KioskAKey, F("idNumber", FieldKind.Id)),
        new(Row("POST /api/v1/me/orders"), Resident, F("centerId", FieldKind.Id), F("function", FieldKind.Enum), F("description", FieldKind.UncheckedText)),
        new(Row("POST /api/v1/centers/{id}/shifts/"), Operator,
            F("title", FieldKind.UncheckedText), F("id", FieldKind.Id), F("days", FieldKind.Array), F("days[0]", FieldKind.Enum),
            F("starts", FieldKind.Id), F("ends", FieldKind.Id), F("minPeople", FieldKind.Number), F("maxPeople", FieldKind.Number)),
        new(Row("PUT /api/v1/centers/{id}/shifts/{shiftId}"), Operator, F("title", FieldKind.UncheckedText), F("days[0]", FieldKind.Enum), F("maxPeople", FieldKind.Number)),
        new(Row("POST /api/v1/centers/{id}/shifts/occurrences/{occurrenceId}/sign-ups"), Operator, F("personId", FieldKind.Id)),
        new(Row("PUT /api/v1/volunteers/{id}/shifts/availability"), Operator,
            F("windows", FieldKind.Array), F("windows[0].day", FieldKind.Enum), F("windows[0].from", FieldKind.Id), F("windows[0].to", FieldKind.Id)),
        new(DevTokens, Anonymous, F("role", FieldKind.Enum), F("scopeId", FieldKind.Id), F("subject", FieldKind.UncheckedText)),
    ];

    /// <summary>The development sign-in: public, and changes nothing, but must answer bad input the same way.</summary>
    private static EndpointRow DevTokens => EndpointMatrix.Row("POST /api/v1/dev/tokens") with
    {
        Path = _ => "/api/v1/dev/tokens",
        Body = _ => new { role = "operator", scopeId = Region1, subject = "张三" },
        Probe = _ => Task.FromResult(""),
    };

    public static BadInputTarget Named(string key) => All.Single(t => t.Row.Key == key);

    private static EndpointRow Row(string key) => EndpointMatrix.Row(key);

    private static BodyField F(string path, FieldKind kind) => new(path, kind);

    /// <summary>A free-text field read back by the operator of region 1 at <paramref name="path"/>, following <paramref name="properties"/>.</summary>
    private static BodyField Text(string field, string path, params string[] properties) => new(field, FieldKind.Text, async d =>
    {
        var response = await d.Send(Operator, HttpMethod.Get, path);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return properties.Aggregate(json, (e, p) => e.GetProperty(p)).GetString();
    });
}
