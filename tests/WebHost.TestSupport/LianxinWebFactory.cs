using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lianxin.WebHost.Live;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Lianxin.TestSupport;

/// <summary>
/// The web host as users run it, the one test factory: with its co-hosted silo (or as a cluster client, by settings),
/// on PostgreSQL when given a connection string, else on the embedded default. Each instance gets its own silo and
/// gateway ports and a fixed signing key, so a second host on the same database accepts the first one's tokens.
/// Shared hosts are xunit collection or class fixtures; a fixture that needs other parameters derives from this class
/// only to choose them (its host is configured here, nowhere else).
/// </summary>
public class LianxinWebFactory(
    string? connectionString = null,
    bool demo = false,
    string environment = "Development",
    IReadOnlyDictionary<string, string>? settings = null,
    ILogEventSink? logs = null) : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-for-hmac";

    /// <summary>The fixed service id lets a new host read the state rows an earlier host wrote.</summary>
    public const string ServiceId = "lianxin-tests";

    /// <summary>How long a helper waits for the host (a token, a hub connection) before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The host's PostgreSQL database; empty on the embedded default. Fixed once the host has started.</summary>
    public string ConnectionString { get; protected set; } = connectionString ?? "";

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A host on a fresh PostgreSQL database of its own (or on <paramref name="connectionString"/>: a restart), started.</summary>
    public static async Task<LianxinWebFactory> StartAsync(string? connectionString = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = new LianxinWebFactory(connectionString ?? await TestDatabase.CreateAsync(), settings: settings);
        _ = host.Server;
        return host;
    }

    /// <summary>A token for this role and scope, the caller named after the scope.</summary>
    public string TokenFor(Role role, string scopeId) => Services.GetRequiredService<TokenIssuer>().Issue(new Caller(scopeId, role, scopeId)).Token;

    /// <summary>A client whose requests carry a token for this role and scope.</summary>
    public HttpClient ClientAs(Role role, string scopeId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role, scopeId));
        return client;
    }

    /// <summary>A client carrying a token from the demo's <c>POST /api/v1/dev/tokens</c>, as the dashboard gets one.</summary>
    public async Task<HttpClient> ClientForAsync(string role, string scopeId, string? subject = null)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/dev/tokens", new { role, scopeId, subject }).WaitAsync(Timeout);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenAnswer>().WaitAsync(Timeout))!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A real SignalR client on the live hub, signed in with <paramref name="token"/>.</summary>
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

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Lianxin", ConnectionString);
        builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Cluster:ServiceId", ServiceId);
        builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (logs is not null)
        {
            // The host's logger takes sinks registered as services (LoggingConfiguration): the test reads what the host logged.
            builder.ConfigureServices(services => services.AddSingleton(logs));
        }
    }

    private sealed record TokenAnswer(string Token);
}
