using System.Net.Http.Json;
using Lianxin.Grids;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;

namespace Lianxin.WebHost.Tests.Hosting;

/// <summary>A launch reads the rosters of all its grids: after a restart they are in memory before anyone asks.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class ResidentGridsTests
{
    [Fact]
    public async Task EveryGridIsInMemorySoonAfterAHostStartsWithoutAnyoneReadingIt()
    {
        var database = await TestDatabase.CreateAsync();
        string[] grids = ["res-g1", "res-g2", "res-g3"];
        await using (var first = new LianxinWebFactory(database))
        {
            var client = first.ClientAs(Role.Operator, "res");
            (await client.PostAsJsonAsync("/api/v1/centers", Requests.Center("res", "district", null))).EnsureSuccessStatusCode();
            foreach (var grid in grids)
            {
                (await client.PostAsJsonAsync("/api/v1/grids", Requests.Grid(grid, "res"))).EnsureSuccessStatusCode();
            }
        }

        await using var second = new LianxinWebFactory(database);
        var management = second.Grains.GetGrain<IManagementGrain>(0);
        // The directory is asked where each grid lives, which does not activate it: only the silo's start read them.
        var active = await Eventually.HoldsAsync(
            async () => await Task.WhenAll(grids.Select(g => management.GetActivationAddress(second.Grains.GetGrain<IGridGrain>(g)).AsTask())),
            addresses => addresses.All(a => a is not null),
            what: "every grid active after the start");

        Assert.Equal(grids.Length, active.Length);
    }
}
