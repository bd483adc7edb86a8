using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lianxin.WebHost.Tests.Emergencies;

/// <summary>
/// A district with two communities through the API: community a has grid a-g (a lead and two members), community b
/// has grid b-g (one member). Ids are unique per instance.
/// </summary>
internal sealed class EmergencyDistrict(WebApplicationFactory<Program> host, string? district = null)
{
    public string District { get; } = district ?? $"e{Guid.NewGuid():N}"[..12];

    public string Id(string name) => $"{District}-{name}";

    public string GridA => Id("a-g");

    public string GridB => Id("b-g");

    public string LeadA => Id("a-lead");

    public HttpClient Operator => As(Role.Operator, District);

    public HttpClient As(Role role, string scope)
    {
        var client = host.CreateClient();
        var (token, _) = host.Services.GetRequiredService<TokenIssuer>().Issue(new Caller(scope, role, scope));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Anonymous => host.CreateClient();

    public async Task CreateAsync()
    {
        var op = Operator;
        (await op.PostAsJsonAsync("/api/v1/centers", Requests.Center(District, "district", null))).EnsureSuccessStatusCode();
        foreach (var (c, lat) in new[] { ("a", 27.70), ("b", 27.80) })
        {
            (await op.PostAsJsonAsync("/api/v1/centers", Requests.Center(Id(c), "community", District))).EnsureSuccessStatusCode();
            (await op.PostAsJsonAsync("/api/v1/grids", Requests.Grid(Id($"{c}-g"), Id(c), Requests.Square(lat, 121.1)))).EnsureSuccessStatusCode();
        }

        (await op.PostAsJsonAsync("/api/v1/volunteers", Requests.Volunteer(LeadA, GridA, "lead"))).EnsureSuccessStatusCode();
        foreach (var (person, grid) in new[] { ("a-v1", GridA), ("a-v2", GridA), ("b-v1", GridB) })
        {
            (await op.PostAsJsonAsync("/api/v1/volunteers", Requests.Volunteer(Id(person), grid))).EnsureSuccessStatusCode();
        }
    }

    /// <summary>Launches through the API and returns the emergency's id.</summary>
    public async Task<string> LaunchAsync(HttpClient client, object request, string? key = null)
    {
        var response = await Post(client, request, key ?? Guid.NewGuid().ToString());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definition").GetProperty("id").GetString()!;
    }

    public static Task<HttpResponseMessage> Post(HttpClient client, object request, string? key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/emergencies") { Content = JsonContent.Create(request) };
        if (key is not null)
        {
            message.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(message);
    }

    /// <summary>A person's reply token, once the alert reached their page.</summary>
    public async Task<string> TokenAsync(string volunteerId, string emergencyId)
    {
        var alerts = await Eventually.HoldsAsync(
            () => As(Role.Volunteer, volunteerId).GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/{volunteerId}/alerts"),
            a => a.EnumerateArray().Any(x => x.GetProperty("emergencyId").GetString() == emergencyId),
            deadline: TimeSpan.FromSeconds(30), what: $"alert for {volunteerId}");
        return alerts.EnumerateArray().First(x => x.GetProperty("emergencyId").GetString() == emergencyId).GetProperty("token").GetString()!;
    }

    public async Task<JsonElement> RollCallAsync(string emergencyId) =>
        await Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{emergencyId}/rollcall");

    public async Task<int> EmergencyCountAsync() =>
        (await Operator.GetFromJsonAsync<JsonElement>("/api/v1/emergencies")).GetArrayLength();
}
