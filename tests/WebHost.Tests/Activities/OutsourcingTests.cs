using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lianxin.WebHost.Tests.Security;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Activities;

/// <summary>
/// Qualified providers and outsourced activities: an activity names a listed provider, valid and qualified for its
/// function; party-building is never outsourced; a center sees the providers it engaged whose licence runs out soon.
/// </summary>
[Collection(SecurityDistrictCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class OutsourcingTests(SecurityDistrict district)
{
    [Fact]
    public async Task AnOutsourcedActivityNamesItsProviderAndTheCenterIsWarnedOfItsLicenceRunningOut()
    {
        var activity = await district.ReadAsync($"/api/v1/activities/{OutsourcedActivityA}");
        var warnings = await district.ReadAsync($"/api/v1/centers/{CenterA}/provider-warnings");
        var elsewhere = await district.ReadAsync($"/api/v1/centers/{CenterB}/provider-warnings");
        var provider = await district.ReadAsync($"/api/v1/providers/{ProviderRegion1}");

        Assert.Equal(ProviderRegion1, activity.GetProperty("definition").GetProperty("providerId").GetString());
        var warning = warnings.EnumerateArray().Single(w => w.GetProperty("providerId").GetString() == ProviderRegion1);
        Assert.InRange(warning.GetProperty("daysLeft").GetInt32(), 19, 21);
        Assert.False(warning.GetProperty("expired").GetBoolean());
        Assert.Empty(elsewhere.EnumerateArray());
        Assert.Contains(CenterA, provider.GetProperty("centerIds").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task PartyBuildingIsNeverOutsourcedAndSaysWhy()
    {
        var response = await PublishAsync("r1-a-act-party", "partyBuilding", ProviderRegion1);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("党务工作不外包", problem.GetProperty("errors").GetProperty("providerId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await district.Send(Callers.Operator, HttpMethod.Get, "/api/v1/activities/r1-a-act-party")).StatusCode);
    }

    [Fact]
    public async Task NoProviderIsQualifiedForPartyBuilding()
    {
        var request = JsonSerializer.SerializeToNode(ProviderRequest("prov-r1-party"), JsonSerializerOptions.Web)!.AsObject();
        request["services"] = new JsonArray("partyBuilding");

        var response = await district.Send(Callers.Operator, HttpMethod.Post, "/api/v1/providers", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("党务工作不外包", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnActivityCannotNameAnUnlistedExpiredOrUnqualifiedProvider()
    {
        var expired = JsonSerializer.SerializeToNode(ProviderRequest("prov-r1-expired"), JsonSerializerOptions.Web)!.AsObject();
        expired["validFrom"] = "2020-01-01";
        expired["validUntil"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((await district.Send(Callers.Operator, HttpMethod.Post, "/api/v1/providers", expired)).IsSuccessStatusCode);

        foreach (var (id, function, providerId, why) in new[]
        {
            ("r1-a-act-unlisted", "cultureSportsLeisure", "prov-nobody", "not on the list"),
            ("r1-a-act-expired", "cultureSportsLeisure", "prov-r1-expired", "licence"),
            ("r1-a-act-unqualified", "careAssistance", ProviderRegion1, "not qualified"),
        })
        {
            var response = await PublishAsync(id, function, providerId);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(why, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await district.Send(Callers.Operator, HttpMethod.Get, $"/api/v1/activities/{id}")).StatusCode);
        }
    }

    private Task<HttpResponseMessage> PublishAsync(string id, string function, string providerId)
    {
        var request = JsonSerializer.SerializeToNode(ActivityRequest(id), JsonSerializerOptions.Web)!.AsObject();
        request["function"] = function;
        request["providerId"] = providerId;
        return district.Send(Callers.Staff, HttpMethod.Post, $"/api/v1/centers/{CenterA}/activities", request);
    }
}
