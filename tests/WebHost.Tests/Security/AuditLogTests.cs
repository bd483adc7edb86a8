using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;

namespace Lianxin.WebHost.Tests.Security;

[Trait("Needs", "PostgreSQL")]
public sealed class AuditLogTests : IAsyncLifetime
{
    private LianxinWebFactory _host = null!;

    public async Task InitializeAsync() => _host = new LianxinWebFactory(await TestDatabase.CreateAsync());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RegistryChangesAreAuditedDurablyAndAuditorsSeeTheirRegionOnly()
    {
        var op = _host.ClientAs(Role.Operator, "au");
        (await op.PostAsJsonAsync("/api/v1/centers", Requests.Center("au", "district", null))).EnsureSuccessStatusCode();
        (await op.PostAsJsonAsync("/api/v1/centers", Requests.Center("au-c1", "community", "au"))).EnsureSuccessStatusCode();
        (await op.PutAsJsonAsync("/api/v1/centers/au-c1", Requests.Center("au-c1", "community", "au", area: 900))).EnsureSuccessStatusCode();
        var other = _host.ClientAs(Role.Operator, "zz");
        (await other.PostAsJsonAsync("/api/v1/centers", Requests.Center("zz", "district", null))).EnsureSuccessStatusCode();

        var entries = await _host.ClientAs(Role.Auditor, "au").GetFromJsonAsync<JsonElement>("/api/v1/audit?subject=center:au-c1");
        var region = await _host.ClientAs(Role.Auditor, "au").GetFromJsonAsync<JsonElement>("/api/v1/audit");

        Assert.Equal(["center.updated", "center.created"], entries.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        var latest = entries[0];
        Assert.Equal("au", latest.GetProperty("actor").GetString());
        Assert.Equal("operator", latest.GetProperty("actorRole").GetString());
        Assert.Equal("/au/au-c1/", latest.GetProperty("centerPath").GetString());
        Assert.DoesNotContain(region.EnumerateArray(), e => e.GetProperty("subject").GetString() == "center:zz");
        Assert.Equal(3, region.GetArrayLength());
    }

    [Fact]
    public async Task OnlyAuditorsAndOperatorsReadTheAuditLog()
    {
        var staff = await _host.ClientAs(Role.Staff, "au").GetAsync("/api/v1/audit");
        var badLimit = await _host.ClientAs(Role.Auditor, "au").GetAsync("/api/v1/audit?limit=0");

        await ProblemAssert.IsProblemAsync(staff, HttpStatusCode.Forbidden);
        await ProblemAssert.HasFieldErrorAsync(badLimit, "limit");
    }
}
