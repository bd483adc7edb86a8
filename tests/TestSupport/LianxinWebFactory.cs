using System.Net.Http.Headers;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.TestSupport;

/// <summary>
/// The web host with its co-hosted silo, as users run it: on PostgreSQL when given a connection string, else on
/// the embedded default. Each instance gets its own silo and gateway ports and a fixed signing key, so a second
/// host on the same database accepts the first one's tokens.
/// </summary>
public sealed class LianxinWebFactory(
    string? connectionString = null,
    bool demo = false,
    string environment = "Development",
    IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-for-hmac";

    /// <summary>The fixed service id lets a new host read the state rows an earlier host wrote.</summary>
    public const string ServiceId = "lianxin-tests";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Lianxin", connectionString ?? "");
        builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Cluster:ServiceId", ServiceId);
        builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client whose requests carry a token for this role and scope.</summary>
    public HttpClient ClientAs(Role role, string scopeId)
    {
        var client = CreateClient();
        var (token, _) = Services.GetRequiredService<TokenIssuer>().Issue(new Caller(scopeId, role, scopeId));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();
}
