using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Emergencies;

public sealed class EmergencyLaunchApiTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>, IAsyncLifetime
{
    private readonly EmergencyDistrict _d = new(fixture.Host);

    public Task InitializeAsync() => _d.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task APreviewShowsWhoWouldBeReachedPerGridAndSendsNothing()
    {
        var response = await _d.Operator.PostAsJsonAsync("/api/v1/emergencies/preview", EmergencyRequests.Launch(new { kind = "region", ids = new[] { _d.District } }));

        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, preview.GetProperty("total").GetInt32());
        Assert.Equal([(_d.GridA, 3), (_d.GridB, 1)], preview.GetProperty("grids").EnumerateArray().Select(g => (g.GetProperty("gridId").GetString(), g.GetProperty("people").GetInt32())));
        Assert.Equal(0, await _d.EmergencyCountAsync());
    }

    [Fact]
    public async Task ADoublePressedLaunchStartsOneEmergency()
    {
        var request = EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA, _d.GridB));

        var first = await EmergencyDistrict.Post(_d.Operator, request, "press-1");
        var second = await EmergencyDistrict.Post(_d.Operator, request, "press-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definition").GetProperty("id").GetString();
        Assert.Equal($"/api/v1/emergencies/{id}", first.Headers.Location!.OriginalString);
        Assert.Equal(id, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definition").GetProperty("id").GetString());
        Assert.Equal(1, await _d.EmergencyCountAsync());
    }

    [Fact]
    public async Task TheSameKeyForADifferentLaunchIsRefused()
    {
        await _d.LaunchAsync(_d.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA)), "key-1");

        var other = await EmergencyDistrict.Post(_d.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridB)), "key-1");

        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await _d.EmergencyCountAsync());
    }

    [Fact]
    public async Task ALaunchWithoutAnIdempotencyKeyIsRefused()
    {
        await ProblemAssert.HasFieldErrorAsync(await EmergencyDistrict.Post(_d.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA)), null), "Idempotency-Key");
        Assert.Equal(0, await _d.EmergencyCountAsync());
    }

    [Fact]
    public async Task BadLaunchesGetClearAnswersAndChangeNothing()
    {
        var op = _d.Operator;
        var unclosed = new { kind = "polygon", polygon = new { type = "Polygon", coordinates = new[] { new[] { new[] { 121.1, 27.7 }, new[] { 121.2, 27.7 }, new[] { 121.2, 27.8 }, new[] { 121.1, 27.8 } } } } };
        (await op.PostAsJsonAsync("/api/v1/grids", Registry.Requests.Grid(_d.Id("empty-g"), _d.Id("a"), Registry.Requests.Square(27.9, 121.3)))).EnsureSuccessStatusCode();

        await ProblemAssert.IsProblemAsync(await EmergencyDistrict.Post(op, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.Id("nowhere"))), "k1"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await EmergencyDistrict.Post(op, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.Id("empty-g"))), "k2"), HttpStatusCode.UnprocessableEntity);
        await ProblemAssert.HasFieldErrorAsync(await EmergencyDistrict.Post(op, EmergencyRequests.Launch(unclosed), "k3"), "scope.polygon");
        await ProblemAssert.HasFieldErrorAsync(await EmergencyDistrict.Post(op, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA), mode: "rehearsal"), "k4"), "mode");
        await ProblemAssert.HasFieldErrorAsync(await EmergencyDistrict.Post(op, EmergencyRequests.Launch(new { kind = "circle", circle = new { latitude = 27.7, longitude = 121.1, radiusMeters = -1 } }), "k5"), "scope.circle");
        await ProblemAssert.HasFieldErrorAsync(await EmergencyDistrict.Post(op, EmergencyRequests.Launch(null), "k6"), "scope");
        await ProblemAssert.HasFieldErrorAsync(await EmergencyDistrict.Post(op, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA), timers: new { reminderIntervalSeconds = 0 }), "k7"), "timers.reminderIntervalSeconds");
        Assert.Equal(0, await _d.EmergencyCountAsync());
    }

    [Fact]
    public async Task AGridLeadLaunchesOnlyInsideItsGrid()
    {
        var lead = _d.As(Role.GridLead, _d.GridA);

        var own = await EmergencyDistrict.Post(lead, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA)), "g1");
        var other = await EmergencyDistrict.Post(lead, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridB)), "g2");
        var region = await EmergencyDistrict.Post(lead, EmergencyRequests.Launch(new { kind = "centers", ids = new[] { _d.Id("a") } }), "g3");

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(region, HttpStatusCode.Forbidden);
        Assert.Equal(1, await _d.EmergencyCountAsync());
    }

    [Fact]
    public async Task AGridLeadsCircleReachesOnlyItsOwnGrid()
    {
        var lead = _d.As(Role.GridLead, _d.GridA);
        var everywhere = new { kind = "circle", circle = new { latitude = 27.75, longitude = 121.1, radiusMeters = 50000 } };

        var id = await _d.LaunchAsync(lead, EmergencyRequests.Launch(everywhere));

        var rollCall = await _d.RollCallAsync(id);
        Assert.Equal([_d.GridA], rollCall.GetProperty("grids").EnumerateArray().Select(g => g.GetProperty("gridId").GetString()));
    }

    [Fact]
    public async Task AnOperatorLaunchesOnlyInsideItsRegionAndOthersNotAtAll()
    {
        var streetOperator = _d.As(Role.Operator, _d.Id("a"));

        var inside = await EmergencyDistrict.Post(streetOperator, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA)), "o1");
        var outside = await EmergencyDistrict.Post(streetOperator, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA, _d.GridB)), "o2");
        var staff = await EmergencyDistrict.Post(_d.As(Role.Staff, _d.District), EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA)), "o3");
        var volunteer = await EmergencyDistrict.Post(_d.As(Role.Volunteer, _d.LeadA), EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA)), "o4");

        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
        await ProblemAssert.IsProblemAsync(outside, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(staff, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(volunteer, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AScenarioPreparedByTheDistrictIsLaunchedByAGridLeadInItsGrid()
    {
        var scenario = new
        {
            id = _d.Id("typhoon"),
            name = "台风防御预案",
            level = "red",
            category = "met",
            templates = new { alert = "{level}预警：{name}，立即到岗。" },
            posts = new[] { new { id = "dike", name = "东堤", quota = 1, reserve = new[] { _d.Id("a-v2") } } },
            timers = new { reminderIntervalSeconds = 600 },
        };
        (await _d.Operator.PostAsJsonAsync("/api/v1/scenarios", scenario)).EnsureSuccessStatusCode();
        var lead = _d.As(Role.GridLead, _d.GridA);

        var listed = await lead.GetFromJsonAsync<JsonElement>("/api/v1/scenarios");
        var id = await _d.LaunchAsync(lead, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA), mode: "exercise", scenarioId: _d.Id("typhoon")));
        var token = await _d.TokenAsync(_d.Id("a-v1"), id);
        var view = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{id}");

        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("id").GetString() == _d.Id("typhoon"));
        Assert.NotEmpty(token);
        Assert.Equal("red", view.GetProperty("level").GetString());
        Assert.Equal(_d.GridA, view.GetProperty("definition").GetProperty("launch").GetProperty("homeGridId").GetString());
        var rollCall = await Lianxin.TestSupport.Eventually.HoldsAsync(() => _d.RollCallAsync(id),
            r => r.GetProperty("posts")[0].GetProperty("asked").GetInt32() == 1, deadline: TimeSpan.FromSeconds(30), what: "post asked");
        Assert.Equal("东堤", rollCall.GetProperty("posts")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task ScenariosAreWrittenOnlyByTheirOwner()
    {
        var scenario = new { id = _d.Id("flood"), name = "防汛", level = "blue" };
        var lead = _d.As(Role.GridLead, _d.GridA);
        (await lead.PostAsJsonAsync("/api/v1/scenarios", scenario)).EnsureSuccessStatusCode();

        var otherLead = await _d.As(Role.GridLead, _d.GridB).PutAsJsonAsync($"/api/v1/scenarios/{_d.Id("flood")}", scenario);
        var staff = await _d.As(Role.Staff, _d.District).PostAsJsonAsync("/api/v1/scenarios", new { id = _d.Id("x"), name = "x", level = "blue" });
        var duplicate = await lead.PostAsJsonAsync("/api/v1/scenarios", scenario);

        await ProblemAssert.IsProblemAsync(otherLead, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(staff, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(duplicate, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await _d.As(Role.GridLead, _d.GridB).GetAsync($"/api/v1/scenarios/{_d.Id("flood")}"), HttpStatusCode.Forbidden);
    }
}
