using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Lianxin.WebHost.Tests.Governance;

/// <summary>Hosted positions and volunteer teams over HTTP on the demo district; a team as the audience of an order.</summary>
[Collection(GovernanceWebCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class HostingApiTests(GovernanceWebFactory factory)
{
    [Fact]
    public async Task CenterHostsPositionsWithTheirOwnHoursAndRefusesADuplicateWithoutChangingThem()
    {
        var staff = await factory.ClientForAsync("staff", "ld-dg-c04");
        var positions = new
        {
            positions = new object[]
            {
                new { id = "youth", kind = "youthHome", name = "青年之家", opens = "14:00", closes = "21:30", functions = new[] { "volunteerService", "cultureSportsLeisure" }, contact = "青年之家值班室" },
                new { id = "outdoor", kind = "outdoorWorkersStation", name = "户外劳动者驿站", opens = "06:00", closes = "22:00", functions = new[] { "convenienceServices" }, contact = "驿站值班电话" },
            },
        };

        var saved = await Send(staff, HttpMethod.Put, "/api/v1/centers/ld-dg-c04/positions", positions, HttpStatusCode.OK);
        var twice = await staff.PutAsJsonAsync("/api/v1/centers/ld-dg-c04/positions", new { positions = new[] { positions.positions[0], positions.positions[0] } }).WaitAsync(GovernanceWebFactory.Deadline);
        var read = await staff.GetJsonAsync("/api/v1/centers/ld-dg-c04/positions");

        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(saved.GetRawText(), read.GetRawText());
        var youth = read.EnumerateArray().First();
        Assert.Equal(("youthHome", "14:00:00", "21:30:00"), (youth.GetProperty("kind").GetString(), youth.GetProperty("hours").GetProperty("opens").GetString(), youth.GetProperty("hours").GetProperty("closes").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, await (await factory.ClientForAsync("staff", "ld-xw")).StatusOfAsync("/api/v1/centers/ld-dg-c04/positions"));
    }

    [Fact]
    public async Task TeamsOrderIsClaimedByItsMembersOnlyAndATeamOfAnotherCenterCannotBeNamed()
    {
        var operatorClient = await factory.ClientForAsync("operator", "ld");
        var grid = (await operatorClient.GetJsonAsync("/api/v1/volunteers/v-00030")).GetProperty("profile").GetProperty("homeGridId").GetString()!;
        var centerId = (await operatorClient.GetJsonAsync($"/api/v1/grids/{grid}")).GetProperty("centerId").GetString()!;
        var roster = (await operatorClient.GetJsonAsync($"/api/v1/grids/{grid}/roster")).EnumerateArray()
            .Select(m => m.GetProperty("person").GetProperty("id").GetString()!).Where(p => p != "v-00030").ToList();
        var staff = await factory.ClientForAsync("staff", centerId);
        var team = await Send(staff, HttpMethod.Put, "/api/v1/teams/team-pioneers", new { centerId, name = "党员先锋服务队", leaderId = "v-00030", memberIds = new[] { roster[0] } }, HttpStatusCode.Created);
        Assert.Equal([roster[0]], team.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()));
        var teams = await staff.GetJsonAsync($"/api/v1/centers/{centerId}/teams");
        Assert.Contains(teams.EnumerateArray(), t => t.GetProperty("id").GetString() == "team-pioneers");
        var elsewhere = await factory.ClientForAsync("staff", "ld-xw");
        var moved = await elsewhere.PutAsJsonAsync("/api/v1/teams/team-pioneers", new { centerId = "ld-xw", name = "改名", leaderId = "v-00030" }).WaitAsync(GovernanceWebFactory.Deadline);
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);

        var id = (await Send(staff, HttpMethod.Post, "/api/v1/help-requests", new { centerId, function = "volunteerService", description = "社区环境整治" }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var foreignTeam = await Send(elsewhere, HttpMethod.Put, "/api/v1/teams/team-xw", new { centerId = "ld-xw", name = "外街道服务队", leaderId = "v-00001" }, HttpStatusCode.Created);
        var wrongTeam = await staff.PostAsJsonAsync($"/api/v1/help-requests/{id}/order", new { peopleNeeded = 2, timeLimitMinutes = 60, teamId = foreignTeam.GetProperty("id").GetString() }).WaitAsync(GovernanceWebFactory.Deadline);
        Assert.Equal(HttpStatusCode.BadRequest, wrongTeam.StatusCode);
        await Send(staff, HttpMethod.Post, $"/api/v1/help-requests/{id}/order", new { peopleNeeded = 2, timeLimitMinutes = 60, teamId = "team-pioneers" }, HttpStatusCode.OK);

        var outsider = await staff.PostAsJsonAsync($"/api/v1/help-requests/{id}/claim", new { personId = roster[1] }).WaitAsync(GovernanceWebFactory.Deadline);
        var outsiderPage = await (await factory.ClientForAsync("volunteer", roster[1])).GetJsonAsync($"/api/v1/volunteers/{roster[1]}/orders");
        var memberPage = await (await factory.ClientForAsync("volunteer", roster[0])).GetJsonAsync($"/api/v1/volunteers/{roster[0]}/orders");
        Assert.Equal(HttpStatusCode.Conflict, outsider.StatusCode);
        Assert.Equal("notEligible", (await outsider.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusal").GetString());
        Assert.DoesNotContain(id, outsiderPage.GetProperty("open").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        Assert.Contains(id, memberPage.GetProperty("open").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        await Send(staff, HttpMethod.Post, $"/api/v1/help-requests/{id}/claim", new { personId = roster[0] }, HttpStatusCode.OK);
        var leader = await Send(await factory.ClientForAsync("volunteer", "v-00030"), HttpMethod.Post, $"/api/v1/help-requests/{id}/claim", new { personId = "v-00030" }, HttpStatusCode.OK);
        Assert.Equal("assigned", leader.GetProperty("stage").GetString());

        // The same team as an activity's audience: its member gets a place, a neighbour outside it is refused with the reason.
        var activity = new
        {
            title = "先锋队环境整治", function = "volunteerService", startsAt = DateTimeOffset.UtcNow.AddHours(2), endsAt = DateTimeOffset.UtcNow.AddHours(4),
            room = "社区广场", capacity = 10, audience = "team", teamId = "team-pioneers",
        };
        var published = await Send(staff, HttpMethod.Post, $"/api/v1/centers/{centerId}/activities", activity, HttpStatusCode.Created);
        var activityId = published.GetProperty("definition").GetProperty("id").GetString()!;
        var refused = await SignUpAsync(roster[1], activityId);
        var admitted = await SignUpAsync(roster[0], activityId);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("team-pioneers", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("confirmed", (await admitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
    }

    private async Task<HttpResponseMessage> SignUpAsync(string personId, string activityId)
    {
        var client = await factory.ClientForAsync("volunteer", personId);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/activities/{activityId}/sign-ups") { Content = JsonContent.Create(new { personId }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request).WaitAsync(GovernanceWebFactory.Deadline);
    }

    private static async Task<JsonElement> Send(HttpClient client, HttpMethod method, string path, object body, HttpStatusCode expected)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }).WaitAsync(GovernanceWebFactory.Deadline);
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(GovernanceWebFactory.Deadline);
    }
}
