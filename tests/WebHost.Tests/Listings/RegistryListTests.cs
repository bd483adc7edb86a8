using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Emergencies;
using Lianxin.Kiosks;
using Lianxin.WebHost.Security;
using static Lianxin.WebHost.Tests.Listings.ListingHost;

namespace Lianxin.WebHost.Tests.Listings;

[Collection(ListingHost.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class RegistryListTests(ListingHost host)
{
    private static string NewRoot() => $"x{Guid.NewGuid():N}"[..10];

    [Fact]
    public async Task CenterPagesKeepTheirPlaceWhileCentersAreAdded()
    {
        var d = await host.DistrictAsync(NewRoot());
        var op = host.As(Role.Operator, d.Root);
        // By name: "<id>党群服务中心", so "-c1" sorts before its street and every street before the district.
        string[] expected = [d.C1, d.S1, d.C2, d.S2, d.Root];

        var first = await GetAsync(op, "/api/v1/centers?limit=2");
        await PostAsync(op, "/api/v1/centers", Center($"{d.S1}-a", "community", d.S1));
        await PostAsync(op, "/api/v1/centers", Center($"{d.S2}-z", "community", d.S2));
        var rest = await AllIdsAsync(op, "/api/v1/centers?limit=2", first.GetProperty("next").GetString());
        var fresh = await AllIdsAsync(op, "/api/v1/centers?limit=3");

        Assert.Equal(expected[..2], Ids(first));
        Assert.Equal([d.C2, $"{d.S2}-z", d.S2, d.Root], rest);
        Assert.Equal([$"{d.S1}-a", d.C1, d.S1, d.C2, $"{d.S2}-z", d.S2, d.Root], fresh);
    }

    [Fact]
    public async Task FiltersAndRegionsNarrowTheListAndNothingLeaksToAnotherRegion()
    {
        var d = await host.DistrictAsync(NewRoot());
        var other = await host.DistrictAsync(NewRoot());
        var op = host.As(Role.Operator, d.Root);

        var communities = await AllIdsAsync(op, "/api/v1/centers?level=community");
        var careCenters = await AllIdsAsync(op, "/api/v1/centers?function=careAssistance");
        var street2 = await AllIdsAsync(op, $"/api/v1/centers?region={d.S2}&sort=id&order=desc");
        var asStaffOfStreet1 = await AllIdsAsync(host.As(Role.Staff, d.S1), "/api/v1/centers");
        var asOtherOperator = await AllIdsAsync(host.As(Role.Operator, other.Root), "/api/v1/centers");
        var regionOutOfReach = await host.As(Role.Operator, other.Root).GetAsync($"/api/v1/centers?region={d.S2}");
        var unknownLevel = await op.GetAsync("/api/v1/centers?level=castle");

        Assert.Equal([d.C1, d.C2], communities);
        Assert.Equal([d.C1], careCenters);
        Assert.Equal([d.C2, d.S2], street2);
        Assert.Equal([d.C1, d.S1], asStaffOfStreet1);
        Assert.DoesNotContain(asOtherOperator, id => id.StartsWith(d.Root, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, regionOutOfReach.StatusCode);
        await ProblemAssert.HasFieldErrorAsync(unknownLevel, "level");
    }

    [Fact]
    public async Task PeopleAreFoundBySkillAndPartyWithPhonesMaskedAndMoveWithTheirCenter()
    {
        var d = await host.DistrictAsync(NewRoot());
        var op = host.As(Role.Operator, d.Root);

        var swimmers = await GetAsync(op, "/api/v1/volunteers?skill=Swimming&partyMember=true");
        var nonMembers = await AllIdsAsync(op, "/api/v1/volunteers?partyMember=false");
        var street1Before = await AllIdsAsync(op, $"/api/v1/volunteers?region={d.S1}");
        (await op.PutAsJsonAsync($"/api/v1/centers/{d.C1}", Center(d.C1, "community", d.S2))).EnsureSuccessStatusCode();
        var street1After = await AllIdsAsync(op, $"/api/v1/volunteers?region={d.S1}");
        var street2After = await AllIdsAsync(op, $"/api/v1/volunteers?region={d.S2}");
        var asLead = await AllIdsAsync(host.As(Role.GridLead, d.G1), "/api/v1/volunteers");
        var asThemselves = await AllIdsAsync(host.As(Role.Volunteer, d.P2), "/api/v1/volunteers");

        Assert.Equal([d.P2], Ids(swimmers));
        Assert.Equal("139****5678", swimmers.GetProperty("items")[0].GetProperty("phone").GetString());
        Assert.Empty(nonMembers);
        Assert.Equal([d.P1], street1Before);
        Assert.Empty(street1After);
        Assert.Equal([d.P1, d.P2], street2After.Order(StringComparer.Ordinal));
        Assert.Equal([d.P1], asLead);
        Assert.Equal([d.P2], asThemselves);
    }

    [Fact]
    public async Task KiosksShowTheirHealthAndAreFilteredByIt()
    {
        var d = await host.DistrictAsync(NewRoot());
        var op = host.As(Role.Operator, d.Root);
        await PostAsync(op, "/api/v1/kiosks", Registry.Requests.Kiosk($"k-{d.Root}-1", d.C1));
        await PostAsync(op, "/api/v1/kiosks", Registry.Requests.Kiosk($"k-{d.Root}-2", d.C2));
        await host.Host.Grains.GetGrain<IKioskHealthGrain>($"k-{d.Root}-1").BeatAsync(new KioskHeartbeat("1.0.0", new Dictionary<string, PeripheralStatus>()));

        var all = await GetAsync(op, "/api/v1/kiosks");
        var online = await AllIdsAsync(op, "/api/v1/kiosks?health=online&limit=1");
        var silent = await AllIdsAsync(op, $"/api/v1/kiosks?health=unknown&region={d.S2}");

        Assert.Equal(["online", "unknown"], all.GetProperty("items").EnumerateArray().Select(k => k.GetProperty("connectivity").GetString()));
        Assert.Equal([$"k-{d.Root}-1"], online);
        Assert.Equal([$"k-{d.Root}-2"], silent);
    }

    [Fact]
    public async Task HelpRequestsQueueByTimeLeftAndFilterByStage()
    {
        var d = await host.DistrictAsync(NewRoot());
        var staff = host.As(Role.Staff, d.C1);
        var first = (await PostAsync(staff, "/api/v1/help-requests", new { centerId = d.C1, function = "careAssistance", description = "老人需要上门帮助" })).GetProperty("id").GetString()!;
        var second = (await PostAsync(staff, "/api/v1/help-requests", new { centerId = d.C1, function = "careAssistance", description = "修理路灯" })).GetProperty("id").GetString()!;
        await PostAsync(staff, $"/api/v1/help-requests/{second}/assign", new { volunteerId = d.P1, note = "请处理" });

        var queue = await GetAsync(staff, "/api/v1/help-requests");
        var open = await AllIdsAsync(staff, "/api/v1/help-requests?stage=open");
        var assigned = await AllIdsAsync(staff, "/api/v1/help-requests?stage=assigned");
        var elsewhere = await AllIdsAsync(host.As(Role.Staff, d.C2), "/api/v1/help-requests");

        var dues = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("dueAt").GetDateTimeOffset()).ToList();
        Assert.Equal(2, dues.Count);
        Assert.True(dues[0] <= dues[1], $"due times out of order: {string.Join(", ", dues)}");
        Assert.All(queue.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("secondsLeft").GetInt64() > 0));
        Assert.False(queue.GetProperty("items")[0].TryGetProperty("description", out _));
        Assert.Equal([first], open);
        Assert.Equal([second], assigned);
        Assert.Empty(elsewhere);
    }

    [Fact]
    public async Task EmergencyDirectoryPagesNewestFirstWithoutWakingAny()
    {
        var d = await host.DistrictAsync(NewRoot());
        var directory = host.Host.Grains.GetGrain<IEmergencyDirectoryGrain>(0);
        var now = DateTimeOffset.UtcNow;
        string Id(string name) => $"em-{d.Root}-{name}";
        await directory.UpsertAsync(new EmergencyEntry(Id("old"), "旧演练", EmergencyMode.Exercise, EmergencyLevel.Blue, EmergencyPhase.Ended, d.Root, null, now.AddDays(-30), now.AddDays(-29)));
        await directory.UpsertAsync(new EmergencyEntry(Id("s2"), "街道二", EmergencyMode.Exercise, EmergencyLevel.Orange, EmergencyPhase.Ended, d.S2, null, now.AddHours(-2), now.AddHours(-1)));
        await directory.UpsertAsync(new EmergencyEntry(Id("new"), "台风", EmergencyMode.Exercise, EmergencyLevel.Red, EmergencyPhase.Ended, d.Root, null, now.AddHours(-1), now));

        var first = await GetAsync(host.As(Role.Operator, d.Root), "/api/v1/emergencies/directory?limit=2");
        var all = await AllIdsAsync(host.As(Role.Operator, d.Root), "/api/v1/emergencies/directory?limit=2");
        var asStreet1 = await AllIdsAsync(host.As(Role.Operator, d.S1), "/api/v1/emergencies/directory");
        var red = await AllIdsAsync(host.As(Role.Auditor, d.Root), "/api/v1/emergencies/directory?level=red");
        var asVolunteer = await host.As(Role.Volunteer, d.P1).GetAsync("/api/v1/emergencies/directory");

        Assert.Equal([Id("new"), Id("s2")], Ids(first));
        Assert.Equal([Id("new"), Id("s2"), Id("old")], all);
        Assert.Equal([Id("new"), Id("old")], asStreet1);
        Assert.Equal([Id("new")], red);
        Assert.Equal(HttpStatusCode.Forbidden, asVolunteer.StatusCode);
        var active = await host.Host.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        Assert.DoesNotContain(active, s => s.GrainId.Key.ToString()!.StartsWith($"em-{d.Root}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACursorIsUsableOnlyWithTheOrderItCameFrom()
    {
        var d = await host.DistrictAsync(NewRoot());
        var op = host.As(Role.Operator, d.Root);
        var next = (await GetAsync(op, "/api/v1/centers?limit=1")).GetProperty("next").GetString()!;

        var otherOrder = await op.GetAsync($"/api/v1/centers?limit=1&order=desc&cursor={Uri.EscapeDataString(next)}");
        var forged = await op.GetAsync("/api/v1/centers?cursor=not-a-cursor");
        var tooMany = await op.GetAsync("/api/v1/centers?limit=100000");

        await ProblemAssert.HasFieldErrorAsync(otherOrder, "cursor");
        await ProblemAssert.HasFieldErrorAsync(forged, "cursor");
        await ProblemAssert.HasFieldErrorAsync(tooMany, "limit");
    }

    [Fact]
    public async Task TheOpenApiDocumentShowsAnExamplePageForEveryList()
    {
        var document = await GetAsync(host.Anonymous(), "/openapi/v1.json");

        foreach (var path in new[] { "/api/v1/centers", "/api/v1/grids", "/api/v1/volunteers", "/api/v1/kiosks", "/api/v1/help-requests", "/api/v1/emergencies/directory" })
        {
            var paths = document.GetProperty("paths");
            var operation = (paths.TryGetProperty(path, out var p) ? p : paths.GetProperty(path + "/")).GetProperty("get");
            var example = operation.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().First().Value.GetProperty("example");
            Assert.True(example.GetProperty("items").GetArrayLength() > 0, path);
            Assert.Equal(JsonValueKind.String, example.GetProperty("next").ValueKind);
        }
    }
}
