using System.Net;
using System.Net.Http.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Emergencies;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>Every emergency command and every on-behalf answer is in the audit log, found by an auditor of the region.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class EmergencyAuditTests : IAsyncLifetime
{
    private LianxinWebFactory _host = null!;
    private EmergencyDistrict _d = null!;

    public async Task InitializeAsync()
    {
        _host = new LianxinWebFactory(await TestDatabase.CreateAsync());
        _d = new EmergencyDistrict(_host);
        await _d.CreateAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LaunchLevelChangeEndAndCancelAreAuditedWithWhoAndWhy()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ended = await _d.LaunchAsync(_d.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA)));
        var cancelled = await _d.LaunchAsync(_d.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridB)));
        var level = await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{ended}/level", new { level = "red", comment = "风力升级" });
        var end = await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{ended}/end", new { comment = "台风过境" });
        var endAgain = await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{ended}/end", new { comment = "再次结束" });
        var cancel = await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{cancelled}/cancel", new { comment = "误报" });
        var auditor = _d.As(Role.Auditor, _d.District);

        var first = await AuditQuery.EntriesAsync(auditor, subject: $"emergency:{ended}");
        var second = await AuditQuery.EntriesAsync(auditor, subject: $"emergency:{cancelled}");
        var byOperator = await AuditQuery.EntriesAsync(auditor, actor: _d.District, from: started);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { level.StatusCode, end.StatusCode, cancel.StatusCode });
        Assert.False(endAgain.IsSuccessStatusCode);
        Assert.Equal(["emergency.ended", "emergency.levelChanged", "emergency.launched"], AuditQuery.Actions(first));
        Assert.Equal(["emergency.cancelled", "emergency.launched"], AuditQuery.Actions(second));
        Assert.Equal(("风力升级", "台风过境"), (AuditQuery.Get(first[1], "reason"), AuditQuery.Get(first[0], "reason")));
        Assert.Equal("误报", AuditQuery.Get(second[0], "reason"));
        Assert.Contains("level=red", AuditQuery.Get(first[1], "details"));
        Assert.All(first.Concat(second), e => Assert.Equal((_d.District, "operator"), (AuditQuery.Get(e, "actor"), AuditQuery.Get(e, "actorRole"))));
        Assert.All(first, e => Assert.True(e.GetProperty("at").GetDateTimeOffset() >= started));
        Assert.Equal(5, byOperator.Count(e => AuditQuery.Get(e, "subject")!.StartsWith("emergency:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AStatusSetOnSomeonesBehalfIsAuditedWithItsComment()
    {
        var emergency = await _d.LaunchAsync(_d.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA)));
        var lead = _d.As(Role.GridLead, _d.GridA);
        var refused = await lead.PostAsJsonAsync($"/api/v1/emergencies/{emergency}/responses", EmergencyRequests.OnBehalf(_d.Id("a-v2"), "atPost", null));
        var answer = await lead.PostAsJsonAsync($"/api/v1/emergencies/{emergency}/responses", EmergencyRequests.OnBehalf(_d.Id("a-v1"), "unavailable", "电话联系：在外地"));
        var token = await _d.TokenAsync(_d.Id("a-v2"), emergency);
        var own = await _d.Anonymous.PostAsJsonAsync($"/api/v1/emergencies/{emergency}/responses", EmergencyRequests.Reply(token, "atPost"));

        var entries = await AuditQuery.EntriesAsync(_d.As(Role.Auditor, _d.District), subject: "volunteer:");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.OK), (refused.StatusCode, answer.StatusCode, own.StatusCode));
        var onBehalf = Assert.Single(entries, e => AuditQuery.Get(e, "action") == "rollcall.statusOnBehalf");
        Assert.Equal((_d.GridA, "gridLead", $"volunteer:{_d.Id("a-v1")}", "电话联系：在外地"),
            (AuditQuery.Get(onBehalf, "actor"), AuditQuery.Get(onBehalf, "actorRole"), AuditQuery.Get(onBehalf, "subject"), AuditQuery.Get(onBehalf, "reason")));
        Assert.Contains($"emergency={emergency}", AuditQuery.Get(onBehalf, "details"));
        Assert.Contains("status=unavailable", AuditQuery.Get(onBehalf, "details"));
    }
}
