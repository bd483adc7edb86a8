using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Emergencies;

/// <summary>What a launch refuses or warns about before anything is sent: reserves, skills, shapes, and who may launch.</summary>
public sealed class RollCallRulesApiTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>, IAsyncLifetime
{
    private readonly EmergencyDistrict _d = new(fixture.Host);

    public Task InitializeAsync() => _d.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Post(string[] reserve, string[]? skills = null, int quota = 1) =>
        new { id = "dike", name = "东堤巡查", quota, requiredSkills = skills ?? [], reserve };

    private static object Polygon(params double[][] ring) => new { kind = "polygon", polygon = new { type = "Polygon", coordinates = new[] { ring } } };

    [Fact]
    public async Task AReserveNamingNobodyOrSomeoneOutsideTheScopeIsRefusedAndNothingStarts()
    {
        var request = EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA), posts: [Post([_d.Id("a-v1"), _d.Id("ghost"), _d.Id("b-v1")])]);

        var response = await EmergencyDistrict.Post(_d.Operator, request, "r1");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("nobody", errors.GetProperty("posts[0].reserve[1]")[0].GetString());
        Assert.Contains("not reached", errors.GetProperty("posts[0].reserve[2]")[0].GetString());
        Assert.False(errors.TryGetProperty("posts[0].reserve[0]", out _));
        Assert.Equal(0, await _d.EmergencyCountAsync());
    }

    [Fact]
    public async Task UnknownSkillsAndReservePeopleWithoutTheRequiredSkillAreRefused()
    {
        var unknown = EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA), posts: [Post([], ["medic"])]);
        var unskilled = EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA), posts: [Post([_d.Id("a-v1")], ["medical"])]);

        await ProblemAssert.HasFieldErrorAsync(await EmergencyDistrict.Post(_d.Operator, unknown, "s1"), "posts[0].requiredSkills[0]");
        await ProblemAssert.HasFieldErrorAsync(await EmergencyDistrict.Post(_d.Operator, unskilled, "s2"), "posts[0].reserve[0]");
        Assert.Equal(0, await _d.EmergencyCountAsync());
    }

    [Fact]
    public async Task ThePreviewWarnsOfAPostThatCannotBeFilled()
    {
        var post = new { id = "boat", name = "冲锋舟", quota = 2, requiredSkills = new[] { "rescueBoat" }, reserve = Array.Empty<string>() };

        var preview = await (await _d.Operator.PostAsJsonAsync("/api/v1/emergencies/preview", EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA), posts: [post])))
            .Content.ReadFromJsonAsync<JsonElement>();

        var warning = preview.GetProperty("postWarnings").EnumerateArray().Single();
        Assert.Equal(("boat", 2, 0), (warning.GetProperty("postId").GetString(), warning.GetProperty("needed").GetInt32(), warning.GetProperty("available").GetInt32()));
    }

    [Fact]
    public async Task ASelfCrossingOrZeroAreaPolygonIsRefusedWithTheReason()
    {
        var bowTie = Polygon([121.1, 27.70], [121.11, 27.71], [121.11, 27.70], [121.1, 27.71], [121.1, 27.70]);
        var flat = Polygon([121.1, 27.70], [121.105, 27.705], [121.11, 27.71], [121.1, 27.70]);

        var crossing = await EmergencyDistrict.Post(_d.Operator, EmergencyRequests.Launch(bowTie), "p1");
        var zero = await _d.Operator.PostAsJsonAsync("/api/v1/emergencies/preview", EmergencyRequests.Launch(flat));

        var problem = await ProblemAssert.IsProblemAsync(crossing, HttpStatusCode.BadRequest);
        Assert.Contains("crosses itself", problem.GetProperty("errors").GetProperty("scope.polygon")[0].GetString());
        await ProblemAssert.HasFieldErrorAsync(zero, "scope.polygon");
        Assert.Equal(0, await _d.EmergencyCountAsync());
    }

    [Fact]
    public async Task AShapeReachesWholeGridsOrOnlyThePeopleInsideAndThePreviewSaysHowManyEach()
    {
        foreach (var (id, lat) in new[] { ("in-1", 27.7015), ("in-2", 27.7018), ("out-1", 27.709) })
        {
            (await _d.Operator.PostAsJsonAsync("/api/v1/volunteers", new
            {
                id = _d.Id(id), name = "赵六", phone = "13912345678", isPartyMember = true, homeGridId = _d.GridA, gridRole = "member",
                location = new { latitude = lat, longitude = 121.1015 },
            })).EnsureSuccessStatusCode();
        }

        var corner = new[] { new[] { 121.1, 27.70 }, [121.103, 27.70], [121.103, 27.703], [121.1, 27.703], [121.1, 27.70] };
        var inside = new { kind = "polygon", polygon = new { type = "Polygon", coordinates = new[] { corner } }, match = "inside" };

        var preview = await (await _d.Operator.PostAsJsonAsync("/api/v1/emergencies/preview", EmergencyRequests.Launch(inside))).Content.ReadFromJsonAsync<JsonElement>();
        var launched = await _d.LaunchAsync(_d.Operator, EmergencyRequests.Launch(inside));
        var rollCall = await _d.RollCallAsync(launched);

        Assert.Equal(("inside", 2, 6), (preview.GetProperty("match").GetString(), preview.GetProperty("inside").GetInt32(), preview.GetProperty("wholeGrids").GetInt32()));
        Assert.Equal(2, preview.GetProperty("total").GetInt32());
        Assert.Equal(2, rollCall.GetProperty("counts").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AShapeOutsideTheRegionSaysSo()
    {
        var far = Polygon([120.0, 30.0], [120.1, 30.0], [120.1, 30.1], [120.0, 30.0]);

        var response = await EmergencyDistrict.Post(_d.Operator, EmergencyRequests.Launch(far), "far");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("meets none of the grids of your region", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task StaffAreToldThatStaffCannotLaunch()
    {
        var response = await EmergencyDistrict.Post(_d.As(Role.Staff, _d.Id("a")), EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA)), "staff");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("A staff token cannot launch", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUnknownAnswerDigitListsTheDigitsOneToFive()
    {
        var id = await _d.LaunchAsync(_d.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA)));

        var response = await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{id}/responses", EmergencyRequests.OnBehalf(_d.Id("a-v1"), "7", "电话"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("status")[0].GetString()!;
        Assert.Contains("1收到", message);
        Assert.Contains("5需要帮助", message);
        Assert.DoesNotContain("notified", message);
        Assert.DoesNotContain("unknown", message);
    }
}
