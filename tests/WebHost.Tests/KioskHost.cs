using System.Net.Http.Json;
using Lianxin.TestSupport;

namespace Lianxin.WebHost.Tests;

/// <summary>
/// The kiosk tests' host: <see cref="LianxinWebFactory"/> on a PostgreSQL database of its own (no demo district, no
/// simulation), and helpers that speak the API as center staff and kiosks do. A second host on the same database is a
/// restart.
/// </summary>
public static class KioskHost
{
    /// <summary>A started host on a fresh database, or on <paramref name="connectionString"/> (a restart).</summary>
    public static Task<LianxinWebFactory> StartAsync(string? connectionString = null, Dictionary<string, string?>? settings = null) =>
        LianxinWebFactory.StartAsync(connectionString, settings?.ToDictionary(s => s.Key, s => s.Value!));

    /// <summary>A client with a development token for the role and scope, as center staff sign in.</summary>
    public static Task<HttpClient> StaffAsync(this LianxinWebFactory host, string scopeId, string role = "operator") =>
        host.ClientForAsync(role, scopeId);

    /// <summary>
    /// A district with one community center and a kiosk with a device key; answers a client speaking for the kiosk.
    /// Unless told otherwise the center is open around the clock from a turn of the day twelve hours from now (opening
    /// equal to closing), so no visit of a test is closed by the end of its day, whatever the time of the run.
    /// </summary>
    public static async Task<(HttpClient Kiosk, string KioskId, string CenterId, HttpClient Staff)> KioskAsync(
        this LianxinWebFactory host, string? opens = null, string? closes = null)
    {
        var turn = AroundTheClock.Turn();
        (opens, closes) = (opens ?? turn, closes ?? turn);
        var tag = $"{Guid.NewGuid():N}"[..8];
        var (district, center, kiosk) = ($"d-{tag}", $"c-{tag}", $"k-{tag}");
        var staff = await host.StaffAsync(district);
        (await staff.PostAsJsonAsync("/api/v1/centers", Center(district, "district", null, opens, closes))).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync("/api/v1/centers", Center(center, "community", district, opens, closes))).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync("/api/v1/kiosks", new { id = kiosk, centerId = center, name = "一楼大厅自助终端" })).EnsureSuccessStatusCode();
        var key = await (await staff.PostAsync($"/api/v1/kiosks/{kiosk}/keys", null)).Content.ReadFromJsonAsync<KeyAnswer>();
        var client = host.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", key!.Authorization);
        return (client, kiosk, center, staff);
    }

    private static object Center(string id, string level, string? parentId, string? opens, string? closes) => new
    {
        id,
        name = $"{id}党群服务中心",
        level,
        parentId,
        location = new { latitude = 27.7, longitude = 121.1 },
        floorAreaSqm = 1500,
        households = level == "community" ? 1000 : (int?)null,
        openingHours = new { opens, closes },
        selfService24h = true,
        staff = new[] { new { name = "张三", role = "operationsStaff", isPartyMember = true, trainingDays = 3 } },
        functions = new[] { "partyBuilding", "convenienceServices" },
    };

    public sealed record KeyAnswer(string KioskId, string Key, string Authorization);
}
