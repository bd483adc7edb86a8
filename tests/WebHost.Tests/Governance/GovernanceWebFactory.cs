using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Demo;
using Lianxin.WebHost.Governance;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lianxin.WebHost.Tests.Governance;

/// <summary>
/// The web host with its co-hosted silo on a fresh PostgreSQL database, the demo district loaded (with its
/// residential points), on free silo and gateway ports. Shared by the governance API tests.
/// </summary>
public sealed class GovernanceWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateAsync().WaitAsync(Deadline);
        await Services.GetRequiredService<DemoDistrictLoader>().Loaded.WaitAsync(Deadline);
        await Services.GetRequiredService<ResidentialPointsDemoLoader>().Loaded.WaitAsync(Deadline);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>A client carrying a development token for the role and scope.</summary>
    public async Task<HttpClient> ClientForAsync(string role, string scopeId, string? subject = null)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/dev/tokens", new { role, scopeId, subject }).WaitAsync(Deadline);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenAnswer>().WaitAsync(Deadline))!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Lianxin", _connectionString);
        builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:ServiceId", $"governance-web-{Guid.NewGuid():N}");
        builder.UseSetting("Demo:Enabled", "true");

        // No simulated kiosk traffic: the rating evidence of the demo centers stays what the tests themselves create.
        builder.UseSetting("Demo:Simulate", "false");
    }

    private sealed record TokenAnswer(string Token);
}

[CollectionDefinition(Name)]
public sealed class GovernanceWebCollection : ICollectionFixture<GovernanceWebFactory>
{
    public const string Name = "governance-web";
}
