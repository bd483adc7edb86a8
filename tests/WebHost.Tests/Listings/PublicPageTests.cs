using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Centers;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using static Lianxin.WebHost.Tests.Listings.ListingHost;

namespace Lianxin.WebHost.Tests.Listings;

[Collection(ListingHost.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PublicPageTests(ListingHost host)
{
    private static string NewRoot() => $"p{Guid.NewGuid():N}"[..10];

    [Fact]
    public async Task PublicPageShowsPlaceHoursCrowdAndActivitiesButNoPerson()
    {
        var d = await host.DistrictAsync(NewRoot());
        var op = host.As(Role.Operator, d.Root);
        (await op.PutAsJsonAsync($"/api/v1/centers/{d.C1}", Center(d.C1, "community", d.S1, capacity: 10, address: "海滨路1号"))).EnsureSuccessStatusCode();
        var activity = await PostAsync(host.As(Role.Staff, d.C1), $"/api/v1/centers/{d.C1}/activities", new
        {
            title = "太极拳", function = "cultureSportsLeisure", startsAt = DateTimeOffset.UtcNow.AddDays(2), endsAt = DateTimeOffset.UtcNow.AddDays(2).AddHours(1),
            room = "活动室", capacity = 5, audience = "everyone",
        });
        var activityId = activity.GetProperty("definition").GetProperty("id").GetString()!;
        var desk = host.As(Role.Staff, d.C1);
        desk.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await PostAsync(desk, $"/api/v1/activities/{activityId}/sign-ups", new { personId = d.P1 });

        var (response, text) = await Eventually.HoldsAsync(
            async () =>
            {
                await CrowdAsync(d.C1, inside: 8);
                var answer = await host.Anonymous().GetAsync($"/api/v1/public/centers/{d.C1}");
                return (answer, Body: await answer.Content.ReadAsStringAsync());
            },
            answer => answer.Body.Contains("\"busy\"", StringComparison.Ordinal),
            Deadline,
            "the page showing the crowd");
        var page = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("海滨路1号", page.GetProperty("address").GetString());
        Assert.Equal("busy", page.GetProperty("crowd").GetProperty("level").GetString());
        Assert.Equal(80, page.GetProperty("crowd").GetProperty("occupancyPercent").GetInt32());
        Assert.Contains(page.GetProperty("crowd").GetProperty("peakByHour").EnumerateArray(), h => h.ValueKind == JsonValueKind.Number && h.GetInt32() == 8);
        var upcoming = Assert.Single(page.GetProperty("upcoming").EnumerateArray());
        Assert.Equal(("太极拳", 4), (upcoming.GetProperty("title").GetString(), upcoming.GetProperty("placesLeft").GetInt32()));
        Assert.DoesNotContain("张三丰", text, StringComparison.Ordinal);
        Assert.DoesNotContain(d.P1, text, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("139****5678", text, StringComparison.Ordinal);
        Assert.False(page.TryGetProperty("staff", out _));
    }

    [Fact]
    public async Task AnUnchangedPageIsNotModifiedAndAChangedOneHasANewETag()
    {
        var d = await host.DistrictAsync(NewRoot());
        var client = host.Anonymous();
        var first = await client.GetAsync($"/api/v1/public/centers/{d.C2}").WaitAsync(Deadline);
        var etag = first.Headers.ETag!;

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/centers/{d.C2}");
        revalidate.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(revalidate).WaitAsync(Deadline);
        // The page may also change for the time of day (the hour's peak, whether staff are in): the answer awaited is
        // the one that shows the crowd, still asked with the first ETag.
        var changed = await Eventually.HoldsAsync(
            async () =>
            {
                await CrowdAsync(d.C2, inside: 500);
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/centers/{d.C2}");
                request.Headers.IfNoneMatch.Add(etag);
                using var response = await client.SendAsync(request);
                return (response.StatusCode, response.Headers.ETag, Body: await response.Content.ReadAsStringAsync());
            },
            answer => answer.StatusCode == HttpStatusCode.OK && answer.Body.Contains("\"busy\"", StringComparison.Ordinal),
            Deadline,
            "a new answer showing the crowd");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("public", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.NotEqual(etag, changed.ETag);
    }

    /// <summary>
    /// People inside a center, told to it as its activity actor tells it. That actor's own first report (nobody inside)
    /// can come after, when a page's read woke it: it is the truth and wins, so a test tells the crowd again until the
    /// page shows it.
    /// </summary>
    private Task CrowdAsync(string centerId, int inside) =>
        host.Host.Grains.GetGrain<ICenterGrain>(centerId).ReportActivityAsync(new CenterActivityFigures(inside, new Dictionary<Common.BasicFunction, int>(), 0, 0));

    [Fact]
    public async Task NearbyFindsCentersWithinTheWalkNearestFirst()
    {
        var root = NewRoot();
        var op = host.As(Role.Operator, root);
        // Far from every other test's centers (they stand at 27.7, 121.1).
        await PostAsync(op, "/api/v1/centers", Center(root, "district", null, latitude: 31.0, longitude: 119.0));
        await PostAsync(op, "/api/v1/centers", Center($"{root}-near", "community", root, latitude: 31.003, longitude: 119.0));
        await PostAsync(op, "/api/v1/centers", Center($"{root}-far", "community", root, latitude: 31.02, longitude: 119.0));
        var client = host.Anonymous();

        var walk = await GetAsync(client, "/api/v1/public/nearby?latitude=31.0001&longitude=119.0");
        var hour = await GetAsync(client, "/api/v1/public/nearby?latitude=31.0001&longitude=119.0&minutes=60");
        var outside = await client.GetAsync("/api/v1/public/nearby?latitude=131&longitude=119");
        var missing = await client.GetAsync("/api/v1/public/nearby?longitude=119");

        Assert.Equal([root, $"{root}-near"], walk.GetProperty("centers").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(5, walk.GetProperty("centers")[1].GetProperty("walkingMinutes").GetInt32());
        Assert.Equal([root, $"{root}-near", $"{root}-far"], hour.GetProperty("centers").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        await ProblemAssert.HasFieldErrorAsync(outside, "latitude");
        await ProblemAssert.HasFieldErrorAsync(missing, "latitude");
    }

    [Fact]
    public async Task ThePublicPageIsRateLimitedPerAddress()
    {
        await using var limited = new LianxinWebFactory(settings: new Dictionary<string, string>
        {
            ["Limits:PublicPermitLimit"] = "3",
            ["Limits:Window"] = "01:00:00",
        });
        var client = limited.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await client.GetAsync("/api/v1/public/centers/none").WaitAsync(Deadline)).StatusCode);
        }

        var refused = await client.GetAsync("/api/v1/public/nearby?latitude=30&longitude=120").WaitAsync(Deadline);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], answers);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
