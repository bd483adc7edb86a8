using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Emergencies;

/// <summary>
/// Volunteer teams as the target of a one-key launch: community a's team (led by a-v1, with b-v1 from community b's
/// grid) and community b's team (led by b-v1, with a-v1 and a-v2).
/// </summary>
public sealed class TeamMobilizationApiTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>, IAsyncLifetime
{
    private readonly EmergencyDistrict _d = new(fixture.Host);

    private string TeamA => _d.Id("team-a");

    private string TeamB => _d.Id("team-b");

    public async Task InitializeAsync()
    {
        await _d.CreateAsync();
        await SaveTeamAsync(TeamA, _d.Id("a"), _d.Id("a-v1"), _d.Id("b-v1"));
        await SaveTeamAsync(TeamB, _d.Id("b"), _d.Id("b-v1"), _d.Id("a-v1"), _d.Id("a-v2"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ALaunchAtOverlappingTeamsReachesTheirPeopleOnceAndNotTheirNeighbours()
    {
        var preview = await (await _d.Operator.PostAsJsonAsync("/api/v1/emergencies/preview", EmergencyRequests.Launch(Teams(TeamA, TeamB)))).Content.ReadFromJsonAsync<JsonElement>();

        var id = await _d.LaunchAsync(_d.Operator, EmergencyRequests.Launch(Teams(TeamA, TeamB)));

        Assert.Equal(3, preview.GetProperty("total").GetInt32());
        Assert.Equal([(_d.GridA, 2), (_d.GridB, 1)], preview.GetProperty("grids").EnumerateArray().Select(g => (g.GetProperty("gridId").GetString(), g.GetProperty("people").GetInt32())));
        var people = await _d.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{id}/people");
        Assert.Equal(
            [_d.Id("a-v1"), _d.Id("a-v2"), _d.Id("b-v1")],
            people.EnumerateArray().Select(p => p.GetProperty("volunteerId").GetString()).Order());
        Assert.Equal(3, (await _d.RollCallAsync(id)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task OnlyAnOperatorWhoseRegionHoldsTheTeamsCenterLaunchesAtItAndReachesOnlyItsOwnPeople()
    {
        var streetOperator = _d.As(Role.Operator, _d.Id("a"));

        var own = await EmergencyDistrict.Post(streetOperator, EmergencyRequests.Launch(Teams(TeamA)), "t1");
        var other = await EmergencyDistrict.Post(streetOperator, EmergencyRequests.Launch(Teams(TeamA, TeamB)), "t2");
        var otherPreview = await streetOperator.PostAsJsonAsync("/api/v1/emergencies/preview", EmergencyRequests.Launch(Teams(TeamB)));
        var lead = await EmergencyDistrict.Post(_d.As(Role.GridLead, _d.GridA), EmergencyRequests.Launch(Teams(TeamA)), "t3");

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var id = (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definition").GetProperty("id").GetString()!;
        var people = await _d.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{id}/people");
        Assert.Equal([_d.Id("a-v1")], people.EnumerateArray().Select(p => p.GetProperty("volunteerId").GetString()));
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(otherPreview, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(lead, HttpStatusCode.Forbidden);
        Assert.Equal(1, await _d.EmergencyCountAsync());
    }

    [Fact]
    public async Task AnUnknownTeamIsNotFoundAndATeamScopeNeedsIds()
    {
        var unknown = await EmergencyDistrict.Post(_d.Operator, EmergencyRequests.Launch(Teams(TeamA, _d.Id("team-nowhere"))), "u1");
        var none = await EmergencyDistrict.Post(_d.Operator, EmergencyRequests.Launch(Teams()), "u2");

        var problem = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Contains(_d.Id("team-nowhere"), problem.GetProperty("detail").GetString());
        await ProblemAssert.HasFieldErrorAsync(none, "scope.ids");
        Assert.Equal(0, await _d.EmergencyCountAsync());
    }

    private static object Teams(params string[] ids) => new { kind = "teams", ids };

    private async Task SaveTeamAsync(string id, string centerId, string leaderId, params string[] memberIds) =>
        (await _d.Operator.PutAsJsonAsync($"/api/v1/teams/{id}", new { centerId, name = "党员先锋服务队", leaderId, memberIds })).EnsureSuccessStatusCode();
}
