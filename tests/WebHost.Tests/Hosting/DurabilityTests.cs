using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;

namespace Lianxin.WebHost.Tests.Hosting;

[Trait("Needs", "PostgreSQL")]
public sealed class DurabilityTests
{
    [Fact]
    public async Task RegistryWrittenThroughTheApiSurvivesAHostRestartOnPostgres()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var first = new LianxinWebFactory(database))
        {
            var client = first.ClientAs(Role.Operator, "dur");
            (await client.PostAsJsonAsync("/api/v1/centers", Requests.Center("dur", "district", null))).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync("/api/v1/centers", Requests.Center("dur-c1", "community", "dur"))).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync("/api/v1/grids", Requests.Grid("dur-g1", "dur-c1"))).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync("/api/v1/volunteers", Requests.Volunteer("dur-v1", "dur-g1", "lead"))).EnsureSuccessStatusCode();
        }

        await using var second = new LianxinWebFactory(database);
        var reader = second.ClientAs(Role.Operator, "dur");
        var district = await reader.GetFromJsonAsync<JsonElement>("/api/v1/centers/dur");
        var roster = await second.ClientAs(Role.GridLead, "dur-g1").GetFromJsonAsync<JsonElement>("/api/v1/grids/dur-g1/roster");

        Assert.Equal(["dur-c1"], district.GetProperty("childIds").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, district.GetProperty("subtree").GetProperty("centers").GetInt32());
        var lead = Assert.Single(roster.EnumerateArray());
        Assert.Equal("lead", lead.GetProperty("role").GetString());
        Assert.Equal("13912345678", lead.GetProperty("person").GetProperty("profile").GetProperty("phone").GetString());
    }
}
