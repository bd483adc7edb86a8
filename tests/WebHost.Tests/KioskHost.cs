using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianxin.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lianxin.WebHost.Tests;

/// <summary>
/// The web host with its co-hosted silo on a PostgreSQL database of its own (no demo district, no simulation), and
/// helpers that speak the API as center staff and kiosks do. A second host on the same database is a restart.
/// </summary>
public sealed class KioskHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings;

    private KioskHost(string connectionString, Dictionary<string, string?>? extra)
    {
        ConnectionString = connectionString;
        _settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Lianxin"] = connectionString,
            ["Demo:Enabled"] = "false",
            ["Cluster:ServiceId"] = "kiosk-tests",
            ["Cluster:SiloPort"] = FreePort.Next().ToString(),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(),
        };
        foreach (var (key, value) in extra ?? [])
        {
            _settings[key] = value!;
        }
    }

    public string ConnectionString { get; }

    public static async Task<KioskHost> StartAsync(string? connectionString = null, Dictionary<string, string?>? settings = null)
    {
        var host = new KioskHost(connectionString ?? await TestDatabase.CreateAsync(), settings);
        _ = host.Server;
        return host;
    }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public async Task<HttpClient> StaffAsync(string scopeId, string role = "operator")
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/dev/tokens", new { role, scopeId });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenAnswer>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A district with one community center (open 00:00-23:59 unless told) and a kiosk with a device key; answers a client speaking for the kiosk.</summary>
    public async Task<(HttpClient Kiosk, string KioskId, string CenterId, HttpClient Staff)> KioskAsync(string? opens = "00:00", string? closes = "23:59:59")
    {
        var tag = $"{Guid.NewGuid():N}"[..8];
        var (district, center, kiosk) = ($"d-{tag}", $"c-{tag}", $"k-{tag}");
        var staff = await StaffAsync(district);
        (await staff.PostAsJsonAsync("/api/v1/centers", Center(district, "district", null, opens, closes))).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync("/api/v1/centers", Center(center, "community", district, opens, closes))).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync("/api/v1/kiosks", new { id = kiosk, centerId = center, name = "一楼大厅自助终端" })).EnsureSuccessStatusCode();
        var key = await (await staff.PostAsync($"/api/v1/kiosks/{kiosk}/keys", null)).Content.ReadFromJsonAsync<KeyAnswer>();
        var client = CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", key!.Authorization);
        return (client, kiosk, center, staff);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
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

    private sealed record TokenAnswer(string Token);

    public sealed record KeyAnswer(string KioskId, string Key, string Authorization);
}
