using System.Net;
using System.Net.Http.Json;
using Lianxin.TestSupport;

namespace Lianxin.WebHost.Tests.Hosting;

public sealed class HostTests
{
    [Fact]
    public async Task LiveAndReadyAnswerHealthyOnTheEmbeddedDefault()
    {
        await using var host = new LianxinWebFactory();
        var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task DevTokensIssueAUsableTokenInDevelopment()
    {
        await using var host = new LianxinWebFactory();
        var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/dev/tokens", new { role = "auditor", scopeId = "ld" });
        var bad = await client.PostAsJsonAsync("/api/v1/dev/tokens", new { role = "superuser", scopeId = "ld" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString()));
        await ProblemAssert.HasFieldErrorAsync(bad, "role");
    }

    [Fact]
    public async Task DevTokensDoNotExistOutsideDevelopmentAndDemoMode()
    {
        await using var host = new LianxinWebFactory(environment: "Production", settings: new Dictionary<string, string> { ["Storage:AllowInMemory"] = "true" });

        var response = await host.CreateClient().PostAsJsonAsync("/api/v1/dev/tokens", new { role = "operator", scopeId = "ld" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
