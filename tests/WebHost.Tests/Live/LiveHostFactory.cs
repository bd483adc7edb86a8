using System.Text.Json;
using System.Text.Json.Serialization;
using Lianxin.WebHost.Live;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.WebHost.Tests.Live;

/// <summary>
/// A web host for the live tests, configured through settings (co-hosted silo or cluster client), with helpers to
/// issue tokens and connect real SignalR clients to its hub.
/// </summary>
public sealed class LiveHostFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public const string SigningKey = "live-tests-signing-key-0123456789abcdef";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The settings of a web host that hosts its own silo on fresh ports, storing in PostgreSQL.</summary>
    public static Dictionary<string, string?> CoHosted(string connectionString) => new()
    {
        ["ConnectionStrings:Lianxin"] = connectionString,
        ["Cluster:SiloPort"] = TestSupport.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cluster:GatewayPort"] = TestSupport.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cluster:ClusterId"] = $"live-{Guid.NewGuid():N}",
    };

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public string TokenFor(Role role, string scopeId) => Services.GetRequiredService<TokenIssuer>().Issue(new Caller(scopeId, role, scopeId)).Token;

    public async Task<HubConnection> ConnectAsync(string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, LiveConfiguration.HubPath), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
                o.PayloadSerializerOptions.PropertyNameCaseInsensitive = true;
                o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            })
            .Build();
        await connection.StartAsync().WaitAsync(Timeout);
        return connection;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Auth:SigningKey", SigningKey);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
