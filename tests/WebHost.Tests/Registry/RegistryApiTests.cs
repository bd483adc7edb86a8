using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Registry;

public sealed class RegistryApiTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private readonly string _district = $"d{Guid.NewGuid():N}"[..12];

    private string Id(string name) => $"{_district}-{name}";

    private HttpClient Operator() => fixture.Host.ClientAs(Role.Operator, _district);

    private async Task<HttpClient> DistrictWithStreetAsync()
    {
        var client = Operator();
        (await client.PostAsJsonAsync("/api/v1/centers", Requests.Center(_district, "district", null))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/centers", Requests.Center(Id("street"), "street", _district))).EnsureSuccessStatusCode();
        return client;
    }

    [Fact]
    public async Task CreatedCenterIsReadBackWithItsFactsAndListedUnderItsParent()
    {
        var client = await DistrictWithStreetAsync();

        var created = await client.PostAsJsonAsync("/api/v1/centers", Requests.Center(Id("c1"), "community", Id("street"), functions: ["partyBuilding", "emergencySupport"]));
        var center = await client.GetFromJsonAsync<JsonElement>($"/api/v1/centers/{Id("c1")}");
        var children = await client.GetFromJsonAsync<JsonElement>($"/api/v1/centers/{Id("street")}/children");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/centers/{Id("c1")}", created.Headers.Location?.OriginalString);
        Assert.Equal("community", center.GetProperty("profile").GetProperty("level").GetString());
        Assert.Equal(["partyBuilding", "emergencySupport"], center.GetProperty("profile").GetProperty("functions").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal([Id("c1")], children.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task UnknownParentIsNotFound()
    {
        var client = await DistrictWithStreetAsync();

        var response = await client.PutAsJsonAsync($"/api/v1/centers/{Id("street")}", Requests.Center(Id("street"), "street", Id("missing")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ParentThatWouldFormACycleIsAConflictAndChangesNothing()
    {
        var client = await DistrictWithStreetAsync();
        (await client.PostAsJsonAsync("/api/v1/centers", Requests.Center(Id("c1"), "community", Id("street")))).EnsureSuccessStatusCode();

        var response = await client.PutAsJsonAsync($"/api/v1/centers/{Id("street")}", Requests.Center(Id("street"), "street", Id("c1")));
        var street = await client.GetFromJsonAsync<JsonElement>($"/api/v1/centers/{Id("street")}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(_district, street.GetProperty("profile").GetProperty("parentId").GetString());
    }

    [Fact]
    public async Task StaffCannotCutTheirCenterOutOfTheTreeButItsOperatorMayMakeItARoot()
    {
        var client = await DistrictWithStreetAsync();
        (await client.PostAsJsonAsync("/api/v1/centers", Requests.Center(Id("c1"), "community", Id("street")))).EnsureSuccessStatusCode();
        using var staff = fixture.Host.ClientAs(Role.Staff, Id("c1"));
        using var districtOperator = Operator();
        using var ownOperator = fixture.Host.ClientAs(Role.Operator, Id("c1"));

        var cut = await staff.PutAsJsonAsync($"/api/v1/centers/{Id("c1")}", Requests.Center(Id("c1"), "community", null));
        var byDistrict = await districtOperator.PutAsJsonAsync($"/api/v1/centers/{Id("c1")}", Requests.Center(Id("c1"), "community", null));
        var stillThere = await client.GetFromJsonAsync<JsonElement>($"/api/v1/centers/{Id("street")}/children");
        var edit = await staff.PutAsJsonAsync($"/api/v1/centers/{Id("c1")}", Requests.Center(Id("c1"), "community", Id("street"), area: 1500));
        var byOwnOperator = await ownOperator.PutAsJsonAsync($"/api/v1/centers/{Id("c1")}", Requests.Center(Id("c1"), "community", null));
        var rootEdit = await fixture.Host.ClientAs(Role.Staff, _district).PutAsJsonAsync($"/api/v1/centers/{_district}", Requests.Center(_district, "district", null, area: 1500));

        await ProblemAssert.IsProblemAsync(cut, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(byDistrict, HttpStatusCode.Forbidden);
        Assert.Equal([Id("c1")], stillThere.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOwnOperator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rootEdit.StatusCode);
    }

    [Fact]
    public async Task NegativeAreaUnknownLevelAndUnknownFunctionAreBadRequests()
    {
        var client = await DistrictWithStreetAsync();

        var negative = await client.PostAsJsonAsync("/api/v1/centers", Requests.Center(Id("neg"), "community", Id("street"), area: -1));
        var level = await client.PostAsJsonAsync("/api/v1/centers", Requests.Center(Id("lvl"), "province", Id("street")));
        var function = await client.PostAsJsonAsync("/api/v1/centers", Requests.Center(Id("fn"), "community", Id("street"), functions: ["partyBuilding", "karaoke"]));

        await ProblemAssert.HasFieldErrorAsync(negative, "floorAreaSqm");
        await ProblemAssert.HasFieldErrorAsync(level, "level");
        await ProblemAssert.HasFieldErrorAsync(function, "functions[1]");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/centers/{Id("neg")}")).StatusCode);
    }

    [Fact]
    public async Task AreaExemptionThatDoesNotApplyToTheCentersLevelIsRefusedWithTheReason()
    {
        var client = await DistrictWithStreetAsync();
        var village = Requests.Center(Id("vx"), "village", Id("street"), area: 150);
        var withExemption = System.Text.Json.JsonSerializer.SerializeToNode(village, System.Text.Json.JsonSerializerOptions.Web)!.AsObject();
        withExemption["areaExemption"] = new System.Text.Json.Nodes.JsonObject { ["kind"] = "oldCommunity", ["reason"] = "老旧小区" };
        var island = withExemption.DeepClone().AsObject();
        island["id"] = Id("vi");
        island["areaExemption"] = new System.Text.Json.Nodes.JsonObject { ["kind"] = "island", ["reason"] = "海岛村" };

        var refused = await client.PostAsJsonAsync("/api/v1/centers", withExemption);
        var accepted = await client.PostAsJsonAsync("/api/v1/centers", island);

        await ProblemAssert.HasFieldErrorAsync(refused, "areaExemption.kind");
        Assert.Contains("community centers only", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/centers/{Id("vx")}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task UnclosedPolygonAndPolygonWithTooFewPointsAreBadRequests()
    {
        var client = await DistrictWithStreetAsync();
        double[][] open = [[121.1, 27.7], [121.11, 27.7], [121.11, 27.71], [121.1, 27.71]];
        double[][] tooFew = [[121.1, 27.7], [121.11, 27.7], [121.1, 27.7]];

        var unclosed = await client.PostAsJsonAsync("/api/v1/grids", Requests.Grid(Id("g1"), Id("street"), open));
        var short_ = await client.PostAsJsonAsync("/api/v1/grids", Requests.Grid(Id("g2"), Id("street"), tooFew));

        await ProblemAssert.HasFieldErrorAsync(unclosed, "boundary");
        await ProblemAssert.HasFieldErrorAsync(short_, "boundary");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/grids/{Id("g1")}")).StatusCode);
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestProblem()
    {
        var client = await DistrictWithStreetAsync();

        var response = await client.PostAsync("/api/v1/centers", new StringContent("{\"id\": \"x\", ", Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GridRosterListsThePeopleCreatedOnIt()
    {
        var client = await DistrictWithStreetAsync();
        (await client.PostAsJsonAsync("/api/v1/grids", Requests.Grid(Id("g1"), Id("street")))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/volunteers", Requests.Volunteer(Id("lead"), Id("g1"), "lead"))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/volunteers", Requests.Volunteer(Id("v1"), Id("g1")))).EnsureSuccessStatusCode();

        var secondLead = await client.PostAsJsonAsync("/api/v1/volunteers", Requests.Volunteer(Id("lead2"), Id("g1"), "lead"));
        var roster = await client.GetFromJsonAsync<JsonElement>($"/api/v1/grids/{Id("g1")}/roster");
        var grid = await client.GetFromJsonAsync<JsonElement>($"/api/v1/grids/{Id("g1")}");

        await ProblemAssert.IsProblemAsync(secondLead, HttpStatusCode.Conflict);
        Assert.Equal(
            [(Id("v1"), "member"), (Id("lead"), "lead")],
            roster.EnumerateArray().Select(e => (e.GetProperty("person").GetProperty("id").GetString(), e.GetProperty("role").GetString())));
        Assert.Equal("Polygon", grid.GetProperty("boundary").GetProperty("type").GetString());
    }

    [Fact]
    public async Task KioskIsRegisteredAtItsCenter()
    {
        var client = await DistrictWithStreetAsync();

        var created = await client.PostAsJsonAsync("/api/v1/kiosks", Requests.Kiosk(Id("k1"), Id("street")));
        var center = await client.GetFromJsonAsync<JsonElement>($"/api/v1/centers/{Id("street")}");
        var missingCenter = await client.PostAsJsonAsync("/api/v1/kiosks", Requests.Kiosk(Id("k2"), Id("nowhere")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal([Id("k1")], center.GetProperty("kioskIds").EnumerateArray().Select(k => k.GetString()));
        await ProblemAssert.IsProblemAsync(missingCenter, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheRegistry()
    {
        var document = await fixture.Host.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/centers/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/grids/{id}/roster", out _));
        Assert.True(paths.TryGetProperty("/api/v1/volunteers", out _));
    }

    [Theory]
    [InlineData("/api/v1/centers/{id}", "get", "200 403 404")]
    [InlineData("/api/v1/centers/{id}/map", "get", "200 403 404")]
    [InlineData("/api/v1/centers", "post", "201 400 403 404 409")]
    [InlineData("/api/v1/centers/{id}", "put", "200 400 403 404 409")]
    [InlineData("/api/v1/grids/{id}/roster", "get", "200 403 404")]
    [InlineData("/api/v1/grids/{id}", "put", "200 400 403 404")]
    [InlineData("/api/v1/volunteers", "post", "201 400 403 404 409")]
    [InlineData("/api/v1/kiosks/{id}", "get", "200 403 404")]
    [InlineData("/api/v1/kiosks/{id}/keys", "post", "201 403 404")]
    [InlineData("/api/v1/kiosks/{id}/keys", "delete", "204 403 404")]
    public async Task OpenApiDocumentDescribesEveryAnswerOfARegistryRoute(string path, string method, string statuses)
    {
        var document = await fixture.Host.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.Equal(statuses.Split(' '), responses.EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        foreach (var refusal in responses.EnumerateObject().Where(r => r.Name[0] == '4'))
        {
            Assert.True(refusal.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{refusal.Name} is not problem details");
        }
    }
}
