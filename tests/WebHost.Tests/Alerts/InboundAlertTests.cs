using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Tests.Emergencies;

namespace Lianxin.WebHost.Tests.Alerts;

public sealed class InboundAlertTests(InboundHostFixture fixture) : IClassFixture<InboundHostFixture>, IAsyncLifetime
{
    private readonly EmergencyDistrict _d = new(fixture.Host);

    public Task InitializeAsync() => _d.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private string Unique(string name) => $"{_d.District}-{name}";

    private async Task ScenarioAsync(string id, string action, string mode = "actual")
    {
        var response = await _d.Operator.PostAsJsonAsync("/api/v1/scenarios", new
        {
            id,
            name = "台风防御",
            level = "orange",
            category = "met",
            defaultScope = new { kind = "region", ids = new[] { _d.District } },
            inboundRules = new[] { new { events = new[] { "台风" }, minSeverity = "severe", action, mode } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> SendAsync(string xml, string? key = InboundHostFixture.BureauKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts/inbound") { Content = new StringContent(xml, Encoding.UTF8, "application/xml") };
        if (key is not null)
        {
            request.Headers.Add("X-Source-Key", key);
        }

        return fixture.Host.CreateClient().SendAsync(request);
    }

    private async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// This test's match: other tests' scenarios (same host, same coordinates) may match the same warning.
    /// </summary>
    private JsonElement Mine(JsonElement outcome) =>
        outcome.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("scenarioId").GetString() == Unique("typhoon"));

    private async Task<JsonElement[]> ProposalsAsync() =>
        [.. (await _d.Operator.GetFromJsonAsync<JsonElement>("/api/v1/alerts/proposals")).EnumerateArray()];

    [Fact]
    public async Task AMatchingWarningProposesTheLaunchAndOneKeyConfirmsItOnce()
    {
        await ScenarioAsync(Unique("typhoon"), "propose", "exercise");
        var xml = CapXml.Alert(Unique("w1"), polygon: CapXml.OverGridA);

        var outcome = await OkAsync(await SendAsync(xml));
        var again = await OkAsync(await SendAsync(xml));
        var proposalId = Mine(outcome).GetProperty("proposalId").GetString()!;
        var proposal = (await ProposalsAsync()).Single(p => p.GetProperty("id").GetString() == proposalId);
        var confirmed = await _d.Operator.PostAsync($"/api/v1/alerts/proposals/{proposalId}/confirm", null);
        var confirmedAgain = await _d.Operator.PostAsync($"/api/v1/alerts/proposals/{proposalId}/confirm", null);

        Assert.False(outcome.GetProperty("duplicate").GetBoolean());
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(("proposed", "exercise", "red"), (proposal.GetProperty("state").GetString(), proposal.GetProperty("mode").GetString(), proposal.GetProperty("level").GetString()));
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmedAgain.StatusCode);
        var emergency = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("exercise", emergency.GetProperty("definition").GetProperty("launch").GetProperty("mode").GetString());
        Assert.Equal(1, await _d.EmergencyCountAsync());
    }

    [Fact]
    public async Task ALaunchRuleLaunchesAtOnceAndTheSendersCancelStandsEveryoneDownWithItsReason()
    {
        await ScenarioAsync(Unique("typhoon"), "launch");
        var identifier = Unique("w2");

        var alert = await OkAsync(await SendAsync(CapXml.Alert(identifier)));
        var emergencyId = Mine(alert).GetProperty("emergencyId").GetString()!;
        var cancel = await OkAsync(await SendAsync(CapXml.Alert(Unique("w2-cancel"), msgType: "Cancel", references: CapXml.Reference(identifier), description: "台风已转向")));

        Assert.Contains(emergencyId, cancel.GetProperty("followedEmergencies").EnumerateArray().Select(e => e.GetString()));
        var view = await _d.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{emergencyId}");
        Assert.Equal("cancelled", view.GetProperty("phase").GetString());
        Assert.Equal("red", view.GetProperty("level").GetString());
        var chain = await _d.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{emergencyId}/cap");
        var last = chain.EnumerateArray().Last();
        Assert.Equal("Cancel", last.GetProperty("msgType").GetString());
        Assert.Contains("台风已转向", await _d.Operator.GetStringAsync(last.GetProperty("href").GetString()));
    }

    [Fact]
    public async Task AnUpdateMovesTheLaunchedEmergencyToItsSeverity()
    {
        await ScenarioAsync(Unique("typhoon"), "launch");
        var identifier = Unique("w3");
        var emergencyId = Mine(await OkAsync(await SendAsync(CapXml.Alert(identifier)))).GetProperty("emergencyId").GetString()!;

        await OkAsync(await SendAsync(CapXml.Alert(Unique("w3-update"), severity: "Severe", msgType: "Update", references: CapXml.Reference(identifier))));

        var view = await _d.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{emergencyId}");
        Assert.Equal(("running", "orange"), (view.GetProperty("phase").GetString(), view.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task WarningsThatDoNotMatchStartNothing()
    {
        await ScenarioAsync(Unique("typhoon"), "launch");

        var elsewhere = await OkAsync(await SendAsync(CapXml.Alert(Unique("w4"), polygon: CapXml.FarAway)));
        var tooMild = await OkAsync(await SendAsync(CapXml.Alert(Unique("w5"), severity: "Moderate")));
        var otherEvent = await OkAsync(await SendAsync(CapXml.Alert(Unique("w6"), @event: "暴雨红色预警")));
        var aTest = await OkAsync(await SendAsync(CapXml.Alert(Unique("w7"), status: "Test")));

        Assert.All([elsewhere, tooMild, otherEvent, aTest], o =>
            Assert.DoesNotContain(o.GetProperty("matches").EnumerateArray(), m => m.GetProperty("scenarioId").GetString()!.StartsWith(_d.District, StringComparison.Ordinal)));
        Assert.Equal(0, await _d.EmergencyCountAsync());
    }

    [Fact]
    public async Task BadXmlIsRefusedWithProblemDetailsAndChangesNothing()
    {
        await ScenarioAsync(Unique("typhoon"), "launch");
        var valid = CapXml.Alert(Unique("w8"));

        var malformed = await SendAsync(valid[..(valid.Length / 2)]);
        var invalid = await SendAsync(valid.Replace("<msgType>Alert</msgType>", "<msgType>Shout</msgType>", StringComparison.Ordinal));
        var withDtd = await SendAsync("<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY x \"y\">]>" + valid[(valid.IndexOf("?>", StringComparison.Ordinal) + 2)..]);

        foreach (var response in new[] { malformed, invalid, withDtd })
        {
            await ProblemAssert.HasFieldErrorAsync(response, "cap");
        }

        Assert.Equal(0, await _d.EmergencyCountAsync());
        Assert.False((await OkAsync(await SendAsync(valid))).GetProperty("duplicate").GetBoolean());
    }

    [Fact]
    public async Task OnlyAConfiguredSourceWithItsOwnKeyAndSenderMaySend()
    {
        var xml = CapXml.Alert(Unique("w9"));

        var none = await SendAsync(xml, key: null);
        var wrong = await SendAsync(xml, key: "not-the-bureau-key-0000");
        var otherSender = await SendAsync(xml.Replace(CapXml.Sender, "someone@else.example", StringComparison.Ordinal));

        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(otherSender, HttpStatusCode.Forbidden);
        Assert.False((await OkAsync(await SendAsync(xml))).GetProperty("duplicate").GetBoolean());
    }
}
