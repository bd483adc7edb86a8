using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Tests.Security;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.EventFeed;

/// <summary>
/// The pull feed of the security district: what happened in region 1 (a help request opened at a kiosk, emergencies
/// launched, activities published) is there as CloudEvents, page by page in cursor order, and only for region 1.
/// </summary>
[Collection(SecurityDistrictCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class EventPullTests(SecurityDistrict district)
{
    [Fact]
    public async Task TheRegionsDomainEventsArePulledAsCloudEventsPageByPageAndOnlyByTheRegion()
    {
        var all = await Eventually.HoldsAsync(
            () => PullAllAsync(Callers.Operator, limit: 1000), e => e.Any(x => Type(x) == "cn.lianxin.activity.published" && Data(x, "activityId") == OutsourcedActivityA),
            what: "the outsourced activity's publication");

        Assert.All(all, e => Assert.Equal("1.0", e.GetProperty("specversion").GetString()));
        Assert.Contains(all, e => Type(e) == "cn.lianxin.helprequest.open" && Data(e, "helpRequestId") == district.HelpRequest && Data(e, "centerId") == CenterA);
        Assert.Contains(all, e => Type(e) == "cn.lianxin.emergency.launched" && Data(e, "emergencyId") == district.GridEmergency);
        Assert.Contains(all, e => Type(e) == "cn.lianxin.activity.published" && Data(e, "activityId") == ActivityA);
        Assert.Contains(all, e => Type(e) == "cn.lianxin.activity.published" && Data(e, "providerId") == ProviderRegion1);
        Assert.Equal(all.Count, all.Select(e => e.GetProperty("id").GetString()).Distinct().Count());

        var paged = await PullAllAsync(Callers.Operator, limit: 2);
        Assert.Equal(all.Take(paged.Count).Select(e => e.GetProperty("id").GetString()), paged.Select(e => e.GetProperty("id").GetString()));
        var sequences = paged.Select(e => long.Parse(e.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequences.Order().Distinct(), sequences);

        var region2 = await PullAllAsync(Callers.OtherOperator, limit: 1000);
        Assert.DoesNotContain(region2, e => e.GetProperty("centerid").GetString()!.StartsWith("r1", StringComparison.Ordinal));
        var centerB = await PullAllAsync(Callers.OtherStaff, limit: 1000);
        Assert.DoesNotContain(centerB, e => e.GetProperty("centerid").GetString() == CenterA);
    }

    [Fact]
    public async Task ABadCursorOrPageSizeIsRefused()
    {
        foreach (var query in new[] { "after=-1", "limit=0", "limit=1001", "after=abc" })
        {
            var response = await district.Send(Callers.Operator, HttpMethod.Get, $"/api/v1/events?{query}");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<List<JsonElement>> PullAllAsync(CallerSpec caller, int limit)
    {
        var events = new List<JsonElement>();
        for (long after = 0; ;)
        {
            var response = await district.Send(caller, HttpMethod.Get, $"/api/v1/events?after={after}&limit={limit}");
            Assert.True(response.IsSuccessStatusCode, $"{caller}: {(int)response.StatusCode}");
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            var batch = page.GetProperty("events").EnumerateArray().ToList();
            events.AddRange(batch);
            var next = page.GetProperty("next").GetInt64();
            if (batch.Count < limit || next == after)
            {
                return events;
            }

            after = next;
        }
    }

    private static string? Type(JsonElement e) => e.GetProperty("type").GetString();

    private static string? Data(JsonElement e, string property) =>
        e.GetProperty("data").TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
