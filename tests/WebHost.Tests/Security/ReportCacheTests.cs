using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Centers;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// A region-wide report is computed once per cache lifetime for one caller scope (here an hour, so the window never
/// ends during the test): a change made behind the API's back is not seen again by the same scope, while another
/// scope or role computes its own answer and a caller without access is refused, never served the cached one.
/// </summary>
public sealed class ReportCacheTests(ReportCacheTests.LongCacheHost fixture) : IClassFixture<ReportCacheTests.LongCacheHost>
{
    private readonly string _root = $"p{Guid.NewGuid():N}"[..12];

    private string Region => $"{_root}-d";

    [Fact]
    public async Task ARegionReportIsComputedOncePerScopeWithinTheWindowAndNeverServedToAnotherScope()
    {
        using var rootOperator = fixture.Host.ClientAs(Role.Operator, _root);
        (await rootOperator.PostAsJsonAsync("/api/v1/centers", Requests.Center(_root, "district", null))).EnsureSuccessStatusCode();
        (await rootOperator.PostAsJsonAsync("/api/v1/centers", Requests.Center(Region, "street", _root))).EnsureSuccessStatusCode();
        (await rootOperator.PostAsJsonAsync("/api/v1/centers", Requests.Center($"{Region}-c1", "community", Region))).EnsureSuccessStatusCode();
        using var regionOperator = fixture.Host.ClientAs(Role.Operator, Region);
        using var regionAuditor = fixture.Host.ClientAs(Role.Auditor, Region);
        using var outsider = fixture.Host.ClientAs(Role.Operator, $"{_root}-elsewhere");

        var first = await CentersAsync(regionOperator);
        await AddCenterUnauditedAsync($"{Region}-c2");
        var again = await CentersAsync(regionOperator);
        var wider = await CentersAsync(rootOperator);
        var otherRole = await CentersAsync(regionAuditor);
        var refused = await outsider.GetAsync(ReportPath);
        var otherCase = await regionOperator.GetAsync(ReportPath.Replace(Region, Region.ToUpperInvariant(), StringComparison.Ordinal));
        (await rootOperator.PostAsJsonAsync("/api/v1/centers", Requests.Center($"{Region}-c3", "community", Region))).EnsureSuccessStatusCode();
        var afterAuditedChange = await CentersAsync(regionOperator);

        Assert.Equal((2, 2, 3, 3), (first, again, wider, otherRole));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, otherCase.StatusCode); // ids are case-sensitive: another region, not the cached one
        Assert.Equal(4, afterAuditedChange);
    }

    private string ReportPath => $"/api/v1/governance/regions/{Region}/compliance?all=true";

    private async Task<int> CentersAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(ReportPath)).GetProperty("centers").GetInt32();

    /// <summary>A center created on its actor directly: a change the web host neither makes nor audits.</summary>
    private async Task AddCenterUnauditedAsync(string id)
    {
        var sibling = (await fixture.Host.Grains.GetGrain<ICenterGrain>($"{Region}-c1").GetAsync())!;
        var created = await fixture.Host.Grains.GetGrain<ICenterGrain>(id).CreateAsync(sibling.Profile with { Name = id });
        Assert.True(created.Succeeded);
    }

    /// <summary>A host keeping reports for an hour.</summary>
    public sealed class LongCacheHost : IAsyncLifetime
    {
        public LianxinWebFactory Host { get; } = new(settings: new Dictionary<string, string> { ["Limits:ReportCacheDuration"] = "01:00:00" });

        public Task InitializeAsync()
        {
            _ = Host.Server;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
