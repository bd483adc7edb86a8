using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lianxin.WebHost.Tests.Emergencies;

public sealed class WebhookChannelTests : IAsyncLifetime
{
    private GatewayStub _gateway = null!;
    private LianxinWebFactory _base = null!;
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayStub.StartAsync();
        _base = new LianxinWebFactory();
        _host = _base.WithWebHostBuilder(b => b
            .UseSetting("Emergencies:Webhook:Urls:0", $"{_gateway.BaseUrl}/down?key=secret")
            .UseSetting("Emergencies:Webhook:Urls:1", $"{_gateway.BaseUrl}/sms"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _base.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task GatewaysAreTriedInOrderAndEveryAttemptIsKept()
    {
        var district = new EmergencyDistrict(_host);
        await district.CreateAsync();
        var op = district.Operator;

        var response = await EmergencyDistrict.Post(op, EmergencyRequests.Launch(EmergencyRequests.Grids(district.GridA, district.GridB), mode: "exercise"), "w1");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definition").GetProperty("id").GetString()!;
        var deliveries = await Eventually.HoldsAsync(
            () => op.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{id}/deliveries"), d => d.EnumerateArray().Any(a => a.GetProperty("succeeded").GetBoolean()),
            deadline: TimeSpan.FromSeconds(30), what: "an accepted attempt");

        var batch = _gateway.Received.Single(b => b.GetProperty("emergencyId").GetString() == id);
        Assert.Equal(4, batch.GetProperty("recipients").GetArrayLength());
        Assert.StartsWith("【演练】", batch.GetProperty("text").GetString());
        Assert.All(batch.GetProperty("recipients").EnumerateArray(), r => Assert.Equal(22, r.GetProperty("token").GetString()!.Length));
        var attempts = deliveries.EnumerateArray().ToList();
        // The first gateway is retried (503 is transient) before the second takes the batch; every try is kept.
        Assert.Equal([(1, false, 503), (2, false, 503), (3, false, 503), (4, true, 202)],
            attempts.Select(a => (a.GetProperty("attempt").GetInt32(), a.GetProperty("succeeded").GetBoolean(), a.GetProperty("statusCode").GetInt32())));
        Assert.Equal([$"{_gateway.BaseUrl}/down", $"{_gateway.BaseUrl}/down", $"{_gateway.BaseUrl}/down", $"{_gateway.BaseUrl}/sms"], attempts.Select(a => a.GetProperty("gateway").GetString()));

        var recipient = batch.GetProperty("recipients").EnumerateArray().First();
        var smsReply = await _host.CreateClient().PostAsJsonAsync($"/api/v1/emergencies/{id}/responses", EmergencyRequests.Reply(recipient.GetProperty("token").GetString()!, "1", channel: "sms"));
        smsReply.EnsureSuccessStatusCode();
        var rollCall = await op.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{id}/rollcall");
        Assert.Equal(1, rollCall.GetProperty("counts").GetProperty("acknowledged").GetInt32());
    }
}
