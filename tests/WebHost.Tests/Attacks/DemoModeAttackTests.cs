using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Attacks;

/// <summary>Minting tokens: a production host serves no development tokens unless demo mode is asked for, and then says so.</summary>
[Collection(ProductionHostCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class DemoModeAttackTests(ProductionHostFixture fixture)
{
    [Fact]
    public async Task AProductionHostMintsNoTokensAndLoadsNoDemoDistrict()
    {
        using var anonymous = fixture.Host.Client();
        using var districtOperator = fixture.ClientAs(Role.Operator, "ld");

        var mint = await anonymous.PostAsJsonAsync("/api/v1/dev/tokens", new { role = "operator", scopeId = "ld" });
        var settings = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/dashboard/settings");
        var demoDistrict = await districtOperator.GetAsync("/api/v1/centers/ld");

        Assert.Equal(HttpStatusCode.NotFound, mint.StatusCode);
        Assert.False(settings.GetProperty("devSignIn").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, demoDistrict.StatusCode);
        Assert.DoesNotContain(fixture.Host.Output, l => l.Contains("DEMO MODE IS ON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProductionHostAskedForDemoModeSaysSoLoudlyAtStart()
    {
        var settings = await ProductionHostProcess.DeploymentSettingsAsync();
        settings["Demo:Enabled"] = "true";
        settings["Demo:Simulate"] = "false";
        await using var host = await ProductionHostProcess.StartAsync(settings);
        using var anonymous = host.Client();

        var warning = await host.WaitForLineAsync(l => l.Contains("DEMO MODE IS ON", StringComparison.Ordinal));
        var mint = await anonymous.PostAsJsonAsync("/api/v1/dev/tokens", new { role = "operator", scopeId = "ld" });

        Assert.NotNull(warning);
        Assert.Contains("WRN", warning, StringComparison.Ordinal);
        Assert.Contains("Production", warning, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, mint.StatusCode);
    }
}
