using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Emergencies;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Emergencies;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Listing emergencies decides from the directory: neither a volunteer, nor an operator or auditor of another region,
/// nor the operator who may follow an emergency wakes it. The entry here has no running emergency behind it (nothing
/// else could wake one), so any activation of its id is the listing's.
/// </summary>
public sealed class EmergencyListActivationTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    [Fact]
    public async Task ListingEmergenciesWakesNone()
    {
        var district = new EmergencyDistrict(fixture.Host);
        await district.CreateAsync();
        var id = $"em-{Guid.NewGuid():N}"[..23];
        await fixture.Host.Grains.GetGrain<IEmergencyDirectoryGrain>(0).UpsertAsync(
            new EmergencyEntry(id, "演练", EmergencyMode.Exercise, EmergencyLevel.Orange, EmergencyPhase.Running, district.District, null, DateTimeOffset.UtcNow));

        var asVolunteer = await ListAsync(district.As(Role.Volunteer, district.Id("a-v1")));
        var asOutsider = await ListAsync(district.As(Role.Operator, $"x{Guid.NewGuid():N}"[..12]));
        var asAuditorElsewhere = await ListAsync(district.As(Role.Auditor, $"x{Guid.NewGuid():N}"[..12]));
        var asItsOperator = await ListAsync(district.Operator);

        Assert.Equal((0, 0, 0), (asVolunteer.Count, asOutsider.Count, asAuditorElsewhere.Count));
        Assert.Equal([id], asItsOperator);
        Assert.False(await IsActiveAsync(id));
    }

    private static async Task<List<string>> ListAsync(HttpClient client)
    {
        using (client)
        {
            var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/emergencies");
            return [.. list.EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
        }
    }

    private async Task<bool> IsActiveAsync(string key)
    {
        var statistics = await fixture.Host.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Any(s => s.GrainId.Key.ToString() == key);
    }
}
