using System.Net;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Two web hosts on one cluster and database (the second a cluster client of the first's silo): a signed-in caller's
/// allowance is one, whichever host its requests reach. The window is forty days long (numbered from the epoch), so it does not turn during the test.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class SharedRateLimitTests : IAsyncLifetime
{
    private const int Allowance = 10;

    private LianxinWebFactory _first = null!;
    private LianxinWebFactory _second = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            ["Cluster:Clustering"] = "AdoNet",
            ["Cluster:ClusterId"] = $"rl{Guid.NewGuid():N}"[..12],
            ["Limits:UserPermitLimit"] = Allowance.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Limits:Window"] = "40.00:00:00",
        };
        _first = new LianxinWebFactory(database, settings: settings);
        _ = _first.Server;
        _second = new LianxinWebFactory(database, settings: new Dictionary<string, string>(settings) { ["Cluster:Mode"] = "Client" });
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task ACallersAllowanceIsSharedByEveryWebHost()
    {
        var subject = $"op-{Guid.NewGuid():N}"[..12];
        using var viaFirst = _first.ClientAs(Role.Operator, subject);
        using var viaSecond = _second.ClientAs(Role.Operator, subject);
        using var someoneElse = _second.ClientAs(Role.Operator, $"other-{subject}");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < Allowance + 2; i++)
        {
            answers.Add(await (i % 2 == 0 ? viaFirst : viaSecond).GetAsync($"/api/v1/centers/{subject}-nowhere"));
        }

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(answers.Take(Allowance), a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.All(refused, a => Assert.True(a.Headers.RetryAfter is not null));
        Assert.Equal(HttpStatusCode.NotFound, (await someoneElse.GetAsync($"/api/v1/centers/{subject}-nowhere")).StatusCode);
    }
}
