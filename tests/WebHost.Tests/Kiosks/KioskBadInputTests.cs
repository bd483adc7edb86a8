using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Lianxin.WebHost.Tests.Kiosks;

[Trait("Needs", "PostgreSQL")]
public sealed class KioskBadInputTests(KioskHostFixture fixture) : IClassFixture<KioskHostFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static TheoryData<string, string, string> BadBatches => new()
    {
        { "malformed JSON", """{"events": [ {"eventId": """, "" },
        { "unknown type", Batch(Wire.Event("teleport", Now)), "events[0].type" },
        { "missing eventId", Batch(Without(Wire.CheckIn("p1", Now), "eventId")), "events[0].eventId" },
        { "eventId not a UUID", Batch(With(Wire.CheckIn("p1", Now), "eventId", "42")), "events[0].eventId" },
        { "future timestamp", Batch(Wire.CheckIn("p1", Now.AddHours(1))), "events[0].occurredAt" },
        { "timestamp without offset", Batch(With(Wire.CheckIn("p1", Now), "occurredAt", "2026-05-01T09:00:00")), "events[0].occurredAt" },
        { "visitor without purpose", Batch(Without(Wire.CheckIn("p1", Now), "purpose")), "events[0].purpose" },
        { "redemption of no points", Batch(Wire.Event("pointsRedemption", Now, new() { ["personId"] = "p1", ["points"] = 0, ["goods"] = "soap" })), "events[0].points" },
        { "batch over 500", Batch([.. Enumerable.Range(0, 501).Select(i => Wire.CheckIn($"p{i}", Now))]), "events" },
        { "empty batch", Batch(), "events" },
    };

    [Theory, MemberData(nameof(BadBatches))]
    public async Task BadBatchIsRefusedWholeWithProblemDetailsAndChangesNothing(string what, string body, string field)
    {
        var (kiosk, kioskId, _, staff) = await fixture.Host.KioskAsync();
        var good = Wire.CheckIn("someone", Now);
        var withGood = body.Replace("{\"events\":[", $"{{\"events\":[{JsonSerializer.Serialize(good)},", StringComparison.Ordinal);

        var response = await kiosk.PostAsync($"/api/v1/kiosks/{kioskId}/events", new StringContent(field == "events" ? body : withGood, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field.Length > 0)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            // A good event went first in the batch: the bad one is the second, and the good one is not stored either.
            var expected = field == "events" ? field : field.Replace("events[0]", "events[1]", StringComparison.Ordinal);
            Assert.True(problem.GetProperty("errors").TryGetProperty(expected, out _), $"{what}: {problem}");
        }

        Assert.Equal(0, await Wire.JournalRowsAsync(fixture.Host.ConnectionString, kioskId));
        Assert.Equal(0, (await Wire.GetAsync(staff, $"/api/v1/kiosks/{kioskId}/ingest")).GetProperty("accepted").GetInt64());
    }

    [Fact]
    public async Task RevokedKeyNoLongerWorksAndARotatedKeyReplacesTheOld()
    {
        var (kiosk, kioskId, _, staff) = await fixture.Host.KioskAsync();
        var rotated = await (await staff.PostAsync($"/api/v1/kiosks/{kioskId}/keys", null)).Content.ReadFromJsonAsync<KioskHost.KeyAnswer>();
        var fresh = fixture.Host.CreateClient();
        fresh.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", rotated!.Authorization);

        var oldKey = await kiosk.PostAsJsonAsync($"/api/v1/kiosks/{kioskId}/heartbeat", new { appVersion = "1.0" });
        var newKey = await fresh.PostAsJsonAsync($"/api/v1/kiosks/{kioskId}/heartbeat", new { appVersion = "1.0" });
        (await staff.DeleteAsync($"/api/v1/kiosks/{kioskId}/keys")).EnsureSuccessStatusCode();
        var revoked = await fresh.PostAsJsonAsync($"/api/v1/kiosks/{kioskId}/heartbeat", new { appVersion = "1.0" });

        Assert.Equal(HttpStatusCode.Unauthorized, oldKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    private static string Batch(params Dictionary<string, object?>[] events) => JsonSerializer.Serialize(new { events });

    private static Dictionary<string, object?> Without(Dictionary<string, object?> e, string field)
    {
        e.Remove(field);
        return e;
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> e, string field, object value)
    {
        e[field] = value;
        return e;
    }
}
