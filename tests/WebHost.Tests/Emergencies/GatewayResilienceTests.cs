using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lianxin.WebHost.Tests.Emergencies;

/// <summary>
/// Outbound channels against a gateway that fails, hangs, rate-limits and recovers: everyone is reached exactly once
/// per message on every channel tried, whoever did not answer in the window is tried on the next channel, and every
/// try is shown.
/// </summary>
public sealed class GatewayResilienceTests : IAsyncLifetime
{
    private FlakyGateway _gateway = null!;
    private LianxinWebFactory _base = null!;
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _gateway = await FlakyGateway.StartAsync();
        _base = new LianxinWebFactory();
        _host = _base.WithWebHostBuilder(b => b
            .UseSetting("Emergencies:Gateways:0:Name", "sms-main")
            .UseSetting("Emergencies:Gateways:0:Channel", "Sms")
            .UseSetting("Emergencies:Gateways:0:Url", $"{_gateway.BaseUrl}/sms")
            .UseSetting("Emergencies:Gateways:0:Retries", "3")
            .UseSetting("Emergencies:Gateways:0:RetryDelay", "00:00:00.050")
            .UseSetting("Emergencies:Gateways:0:Timeout", "00:00:01")
            .UseSetting("Emergencies:Gateways:0:BreakerMinimumAttempts", "50")
            .UseSetting("Emergencies:Gateways:0:MessagesPerSecond", "10")
            .UseSetting("Emergencies:Gateways:1:Name", "im-main")
            .UseSetting("Emergencies:Gateways:1:Channel", "InstantMessage")
            .UseSetting("Emergencies:Gateways:1:Url", $"{_gateway.BaseUrl}/im")
            .UseSetting("Emergencies:ChannelWindow", "00:00:02"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _base.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task EveryoneIsReachedOncePerChannelAndWhoeverDoesNotAnswerIsTriedOnTheNext()
    {
        var district = new EmergencyDistrict(_host);
        await district.CreateAsync();
        var everyone = new[] { district.LeadA, district.Id("a-v1"), district.Id("a-v2"), district.Id("b-v1") };
        var id = await district.LaunchAsync(district.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(district.GridA, district.GridB)));

        // The SMS batch gets through after a 503, a try that never answers and a 429; then one person answers.
        await Eventually.HoldsAsync(() => Task.FromResult(_gateway.Deliveries.Count(d => d.Channel == "sms")), n => n == 4, deadline: TimeSpan.FromSeconds(30), what: "the SMS batch delivered");
        var token = await district.TokenAsync(district.Id("a-v1"), id);
        (await district.Anonymous.PostAsJsonAsync($"/api/v1/emergencies/{id}/responses", EmergencyRequests.Reply(token, "1", channel: "sms"))).EnsureSuccessStatusCode();

        // The three who did not answer are tried on instant messaging once the window has passed.
        await Eventually.HoldsAsync(() => Task.FromResult(_gateway.Deliveries.Count(d => d.Channel == "im")), n => n >= 3, deadline: TimeSpan.FromSeconds(60), what: "the next channel");
        var deliveries = await district.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{id}/deliveries");

        var sms = _gateway.Deliveries.Where(d => d.Channel == "sms").Select(d => d.VolunteerId).Order().ToList();
        var im = _gateway.Deliveries.Where(d => d.Channel == "im").Select(d => d.VolunteerId).Order().ToList();
        Assert.Equal(everyone.Order(), sms);
        Assert.Equal(everyone.Where(v => v != district.Id("a-v1")).Order(), im);
        var smsTries = deliveries.EnumerateArray().Where(a => a.GetProperty("channel").GetString() == "sms").ToList();
        Assert.Equal([503, null, 429, 202], smsTries.Select(a => a.TryGetProperty("statusCode", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : (int?)null));
        Assert.Equal([false, false, false, true], smsTries.Select(a => a.GetProperty("succeeded").GetBoolean()));
        Assert.Single(smsTries.Select(a => a.GetProperty("idempotencyKey").GetString()).Distinct());
        Assert.Contains(deliveries.EnumerateArray(), a => a.GetProperty("channel").GetString() == "instantMessage" && a.GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task ReplyTokensReachOnlyThePersonThemselves()
    {
        var district = new EmergencyDistrict(_host);
        await district.CreateAsync();
        var person = district.Id("a-v1");
        var id = await district.LaunchAsync(district.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(district.GridA)));
        var token = await district.TokenAsync(person, id);

        foreach (var reader in new[] { district.Operator, district.As(Role.Auditor, district.District), district.As(Role.GridLead, district.GridA), district.As(Role.Staff, district.Id("a")) })
        {
            var alerts = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/{person}/alerts");
            Assert.All(alerts.EnumerateArray(), a => Assert.True(!a.TryGetProperty("token", out var t) || t.ValueKind == JsonValueKind.Null));
        }

        // An auditor holding someone's token still cannot answer as them; staff answer on their behalf, under their own name.
        var auditor = await district.As(Role.Auditor, district.District).PostAsJsonAsync($"/api/v1/emergencies/{id}/responses", EmergencyRequests.Reply(token, "atPost"));
        var staff = await district.As(Role.Staff, district.Id("a")).PostAsJsonAsync($"/api/v1/emergencies/{id}/responses", EmergencyRequests.OnBehalf(person, "enRoute", "电话确认"));
        var own = await district.As(Role.Volunteer, person).PostAsJsonAsync($"/api/v1/emergencies/{id}/responses", new { volunteerId = person, status = "atPost" });

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, auditor.StatusCode);
        staff.EnsureSuccessStatusCode();
        own.EnsureSuccessStatusCode();
        var history = (await district.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{id}/people/{person}")).GetProperty("history").EnumerateArray()
            .Where(h => h.GetProperty("status").GetString() is "enRoute" or "atPost").Select(h => (h.GetProperty("status").GetString(), h.GetProperty("onBehalf").GetBoolean())).ToList();
        Assert.Equal([("enRoute", true), ("atPost", false)], history);
    }
}
