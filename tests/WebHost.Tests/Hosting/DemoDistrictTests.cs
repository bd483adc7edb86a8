using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Demo;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Hosting;

[Trait("Needs", "PostgreSQL")]
public sealed class DemoDistrictTests
{
    private static readonly TimeSpan LoadDeadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task DemoDistrictLoadsOnceAndARestartOnPostgresCreatesNoDuplicates()
    {
        var database = await TestDatabase.CreateAsync();
        var district = await DemoDistrict.ReadAsync(DemoDistrict.DefaultPath, CancellationToken.None);
        var records = district.Centers.Count + district.Grids.Count + district.Volunteers.Count + district.Kiosks.Count;

        LoadCounts firstLoad;
        await using (var first = new LianxinWebFactory(database, demo: true))
        {
            var loader = first.Services.GetRequiredService<DemoDistrictLoader>();
            var probe = first.CreateClient();
            // The host says it is ready only once the district is there.
            var early = await probe.GetAsync("/health/ready");
            Assert.True(!early.IsSuccessStatusCode || loader.Loaded.IsCompletedSuccessfully, "ready before the demo district was loaded");
            firstLoad = await loader.Loaded.WaitAsync(LoadDeadline);
            await Eventually.HoldsAsync(() => probe.GetAsync("/health/ready"), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the host ready once loaded");
        }

        await using var second = new LianxinWebFactory(database, demo: true);
        var secondLoad = await second.Services.GetRequiredService<DemoDistrictLoader>().Loaded.WaitAsync(LoadDeadline);
        var root = district.Centers[0].Id!;
        var center = await second.ClientAs(Role.Operator, root).GetFromJsonAsync<JsonElement>($"/api/v1/centers/{root}");

        Assert.Equal((records, 0, 0), (firstLoad.Created, firstLoad.Existing, firstLoad.Refused));
        Assert.Equal((0, records, 0), (secondLoad.Created, secondLoad.Existing, secondLoad.Refused));
        Assert.Equal(district.Centers.Count, center.GetProperty("subtree").GetProperty("centers").GetInt32());
        Assert.Equal(district.Centers.Count(c => c.ParentId == root), center.GetProperty("childIds").GetArrayLength());
    }

    [Fact]
    public async Task AHostWhoseDemoLoadFailedIsAliveButNeverReady()
    {
        await using var host = new LianxinWebFactory(demo: true, settings: new Dictionary<string, string>
        {
            ["Demo:DataFile"] = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json"),
            ["Demo:Simulate"] = "false",
        });
        var loader = host.Services.GetRequiredService<DemoDistrictLoader>();
        var client = host.CreateClient();

        await Eventually.HoldsAsync(() => Task.FromResult(loader.Loaded.IsFaulted), faulted => faulted, LoadDeadline, "the load to fail");

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
