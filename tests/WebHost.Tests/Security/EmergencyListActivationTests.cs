using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Emergencies;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Listing emergencies decides from the directory: neither a volunteer, nor an operator or auditor of another region,
/// nor the operator who may follow it wakes an emergency that is not running in memory; a grid lead of a reached grid
/// still sees it.
/// </summary>
public sealed class EmergencyListActivationTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    [Fact]
    public async Task ListingEmergenciesWakesNone()
    {
        var district = new EmergencyDistrict(fixture.Host);
        await district.CreateAsync();
        var id = await district.LaunchAsync(district.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(district.GridA)));
        var management = fixture.Host.Grains.GetGrain<IManagementGrain>(0);
        await Eventually.HoldsAsync(async () =>
        {
            await management.ForceActivationCollection(TimeSpan.Zero);
            return await IsActiveAsync(id);
        }, active => !active, TimeSpan.FromSeconds(60), "the emergency deactivated");

        var asVolunteer = await ListAsync(district.As(Role.Volunteer, district.Id("a-v1")));
        var asOutsider = await ListAsync(district.As(Role.Operator, $"x{Guid.NewGuid():N}"[..12]));
        var asAuditorElsewhere = await ListAsync(district.As(Role.Auditor, $"x{Guid.NewGuid():N}"[..12]));
        var asItsOperator = await ListAsync(district.Operator);

        Assert.Equal((0, 0, 0), (asVolunteer.Count, asOutsider.Count, asAuditorElsewhere.Count));
        Assert.Equal([id], asItsOperator);
        Assert.False(await IsActiveAsync(id));

        // A grid lead of a reached grid is the one caller whose listing asks the emergency (which reads it back from storage).
        Assert.Equal([id], await ListAsync(district.As(Role.GridLead, district.GridA)));
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
        return statistics.Any(s => s.GrainId.Key.ToString() == key && s.GrainType.Contains(".EmergencyGrain", StringComparison.Ordinal));
    }
}
