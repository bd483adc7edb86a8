using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Emergencies;

public sealed class RollCallApiTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>, IAsyncLifetime
{
    private readonly EmergencyDistrict _d = new(fixture.Host);
    private string _emergency = "";

    public async Task InitializeAsync()
    {
        await _d.CreateAsync();
        _emergency = await _d.LaunchAsync(_d.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA, _d.GridB), mode: "exercise"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Responses => $"/api/v1/emergencies/{_emergency}/responses";

    [Fact]
    public async Task APersonAnswersWithTheirTokenAndTheRollCallShowsIt()
    {
        var token = await _d.TokenAsync(_d.Id("b-v1"), _emergency);

        var answer = await _d.Anonymous.PostAsJsonAsync(Responses, EmergencyRequests.Reply(token, "3", channel: "sms"));
        var rollCall = await _d.RollCallAsync(_emergency);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var change = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("atPost", "sms", _d.Id("b-v1")), (change.GetProperty("status").GetString(), change.GetProperty("channel").GetString(), change.GetProperty("by").GetString()));
        Assert.Equal(1, rollCall.GetProperty("counts").GetProperty("atPost").GetInt32());
        var gridB = rollCall.GetProperty("grids").EnumerateArray().Single(g => g.GetProperty("gridId").GetString() == _d.GridB);
        Assert.Equal(100.0, gridB.GetProperty("accountedPercent").GetDouble());
        Assert.Equal("exercise", rollCall.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task AForeignOrUnknownTokenIsRefusedAndChangesNothing()
    {
        var other = await _d.LaunchAsync(_d.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridB)));
        var foreignToken = await _d.TokenAsync(_d.Id("b-v1"), other);

        await ProblemAssert.IsProblemAsync(await _d.Anonymous.PostAsJsonAsync(Responses, EmergencyRequests.Reply(foreignToken, "acknowledged")), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await _d.Anonymous.PostAsJsonAsync(Responses, EmergencyRequests.Reply("forged", "acknowledged")), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await _d.Anonymous.PostAsJsonAsync("/api/v1/emergencies/em-none/responses", EmergencyRequests.Reply(foreignToken, "acknowledged")), HttpStatusCode.NotFound);
        Assert.Equal(0, (await _d.RollCallAsync(_emergency)).GetProperty("accounted").GetInt32());
    }

    [Fact]
    public async Task BadAnswersGetClearAnswersAndChangeNothing()
    {
        var token = await _d.TokenAsync(_d.Id("a-v1"), _emergency);

        await ProblemAssert.HasFieldErrorAsync(await _d.Anonymous.PostAsJsonAsync(Responses, EmergencyRequests.Reply(token, "notified")), "status");
        await ProblemAssert.HasFieldErrorAsync(await _d.Anonymous.PostAsJsonAsync(Responses, EmergencyRequests.Reply(token, "9")), "status");
        await ProblemAssert.IsProblemAsync(await _d.Anonymous.PostAsJsonAsync(Responses, EmergencyRequests.OnBehalf(_d.Id("a-v1"), "atPost", "电话")), HttpStatusCode.Unauthorized);
        var lead = _d.As(Role.GridLead, _d.GridA);
        await ProblemAssert.HasFieldErrorAsync(await lead.PostAsJsonAsync(Responses, EmergencyRequests.OnBehalf(_d.Id("a-v1"), "atPost", null)), "comment");
        await ProblemAssert.IsProblemAsync(await lead.PostAsJsonAsync(Responses, EmergencyRequests.OnBehalf(_d.Id("b-v1"), "atPost", "见到了")), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await lead.PostAsJsonAsync(Responses, EmergencyRequests.OnBehalf(_d.Id("stranger"), "atPost", "见到了")), HttpStatusCode.NotFound);
        Assert.Equal(0, (await _d.RollCallAsync(_emergency)).GetProperty("accounted").GetInt32());
    }

    [Fact]
    public async Task AGridLeadAnswersForItsPeopleAndSeesItsUnaccounted()
    {
        var lead = _d.As(Role.GridLead, _d.GridA);

        var answer = await lead.PostAsJsonAsync(Responses, EmergencyRequests.OnBehalf(_d.Id("a-v1"), "unavailable", "电话联系：在外地"));
        var unaccounted = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{_emergency}/unaccounted");
        var history = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{_emergency}/people/{_d.Id("a-v1")}");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(new[] { _d.Id("a-v2"), _d.LeadA }.Order(), unaccounted.EnumerateArray().Select(p => p.GetProperty("volunteerId").GetString()).Order());
        Assert.All(unaccounted.EnumerateArray(), p => Assert.Equal("13912345678", p.GetProperty("phone").GetString()));
        var change = history.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("status").GetString() == "unavailable");
        Assert.Equal((true, "电话联系：在外地", "phone"), (change.GetProperty("onBehalf").GetBoolean(), change.GetProperty("comment").GetString(), change.GetProperty("channel").GetString()));
        await ProblemAssert.IsProblemAsync(await lead.GetAsync($"/api/v1/emergencies/{_emergency}/people?gridId={_d.GridB}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await lead.GetAsync($"/api/v1/emergencies/{_emergency}/people/{_d.Id("b-v1")}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheCommandCenterDrillsDownByStatusAndGrid()
    {
        var token = await _d.TokenAsync(_d.Id("a-v2"), _emergency);
        await _d.Anonymous.PostAsJsonAsync(Responses, EmergencyRequests.Reply(token, "needHelp", comment: "脚扭伤"));

        var needHelp = await _d.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{_emergency}/people?status=needHelp");
        var gridB = await _d.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{_emergency}/people?gridId={_d.GridB}");

        Assert.Equal([_d.Id("a-v2")], needHelp.EnumerateArray().Select(p => p.GetProperty("volunteerId").GetString()));
        Assert.Equal([_d.Id("b-v1")], gridB.EnumerateArray().Select(p => p.GetProperty("volunteerId").GetString()));
        await ProblemAssert.HasFieldErrorAsync(await _d.Operator.GetAsync($"/api/v1/emergencies/{_emergency}/people?status=lost"), "status");
    }

    [Fact]
    public async Task AnEndedEmergencyRefusesAnswersAndItsStatusesStayFrozen()
    {
        var token = await _d.TokenAsync(_d.Id("a-v1"), _emergency);
        await _d.Anonymous.PostAsJsonAsync(Responses, EmergencyRequests.Reply(token, "enRoute"));

        (await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{_emergency}/end", new { comment = "演练结束" })).EnsureSuccessStatusCode();
        var late = await _d.Anonymous.PostAsJsonAsync(Responses, EmergencyRequests.Reply(token, "atPost"));

        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Conflict);
        var rollCall = await _d.RollCallAsync(_emergency);
        Assert.Equal(("ended", 1, 0), (rollCall.GetProperty("phase").GetString(), rollCall.GetProperty("counts").GetProperty("enRoute").GetInt32(), rollCall.GetProperty("counts").GetProperty("atPost").GetInt32()));
        await ProblemAssert.IsProblemAsync(await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{_emergency}/cancel", new { comment = "x" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task OnlyTheLaunchersSideCommandsTheEmergency()
    {
        var lead = _d.As(Role.GridLead, _d.GridA);

        await ProblemAssert.IsProblemAsync(await lead.PostAsJsonAsync($"/api/v1/emergencies/{_emergency}/level", new { level = "red" }), HttpStatusCode.Forbidden);
        await ProblemAssert.HasFieldErrorAsync(await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{_emergency}/cancel", new { }), "comment");
        await ProblemAssert.HasFieldErrorAsync(await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{_emergency}/level", new { level = "purple" }), "level");
        var raised = await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{_emergency}/level", new { level = "red", comment = "升级" });
        Assert.Equal("red", (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("level").GetString());
        await ProblemAssert.IsProblemAsync(await _d.As(Role.Operator, "elsewhere").GetAsync($"/api/v1/emergencies/{_emergency}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await _d.Operator.GetAsync("/api/v1/emergencies/em-none"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CancelSendsEveryoneAStandDownAndEveryMessageIsACapDocument()
    {
        (await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{_emergency}/level", new { level = "red" })).EnsureSuccessStatusCode();
        (await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{_emergency}/cancel", new { comment = "误报，取消" })).EnsureSuccessStatusCode();

        var standDown = await Eventually.HoldsAsync(
            () => _d.As(Role.Volunteer, _d.Id("b-v1")).GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/{_d.Id("b-v1")}/alerts"),
            a => a.EnumerateArray().Any(x => x.GetProperty("kind").GetString() == "cancel"), deadline: TimeSpan.FromSeconds(30), what: "stand-down");
        var chain = await _d.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{_emergency}/cap");
        var cancel = await _d.Operator.GetAsync(chain[2].GetProperty("href").GetString());

        Assert.StartsWith("【演练】", standDown.EnumerateArray().First(x => x.GetProperty("kind").GetString() == "cancel").GetProperty("text").GetString());
        Assert.Equal(["Alert", "Update", "Cancel"], chain.EnumerateArray().Select(c => c.GetProperty("msgType").GetString()));
        Assert.Equal("application/cap+xml", cancel.Content.Headers.ContentType!.MediaType);
        var xml = await cancel.Content.ReadAsStringAsync();
        Assert.Empty(CapSchema.Errors(xml));
        Assert.Equal("Exercise", XDocument.Parse(xml).Root!.Elements().Single(e => e.Name.LocalName == "status").Value);
        await ProblemAssert.IsProblemAsync(await _d.Operator.GetAsync($"/api/v1/emergencies/{_emergency}/cap/9"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheAfterActionReportComesAsJsonAndCsv()
    {
        foreach (var person in new[] { "a-lead", "a-v1", "a-v2", "b-v1" })
        {
            await _d.Anonymous.PostAsJsonAsync(Responses, EmergencyRequests.Reply(await _d.TokenAsync(_d.Id(person), _emergency), "1"));
        }

        var report = await _d.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{_emergency}/report");
        var csv = await _d.Operator.GetAsync($"/api/v1/emergencies/{_emergency}/report.csv");
        var timeline = await _d.Operator.GetStringAsync($"/api/v1/emergencies/{_emergency}/report.csv?table=timeline");

        Assert.True(report.GetProperty("times").GetProperty("secondsTo100Percent").GetDouble() >= 0);
        Assert.Equal(2, report.GetProperty("grids").GetArrayLength());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"{_emergency},exercise(演练),all,4,0,0,4,", lines[1]);
        Assert.Contains(",launched,", timeline);
        await ProblemAssert.HasFieldErrorAsync(await _d.Operator.GetAsync($"/api/v1/emergencies/{_emergency}/report.csv?table=people"), "table");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, (await (await _d.Operator.GetAsync($"/api/v1/emergencies/{_emergency}/report.csv")).Content.ReadAsByteArrayAsync())[..3]);
        Assert.True(report.GetProperty("selfAnsweredTimes").GetProperty("secondsTo100Percent").GetDouble() >= 0);
    }

    [Fact]
    public async Task APersonsAlertsAreTheirsAlone()
    {
        await _d.TokenAsync(_d.Id("a-v1"), _emergency);

        await ProblemAssert.IsProblemAsync(await _d.As(Role.Volunteer, _d.Id("a-v2")).GetAsync($"/api/v1/volunteers/{_d.Id("a-v1")}/alerts"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await _d.As(Role.GridLead, _d.GridA).GetAsync($"/api/v1/volunteers/{_d.Id("a-v1")}/alerts")).StatusCode);
    }
}
