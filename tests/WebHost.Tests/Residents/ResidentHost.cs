using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Common;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Emergencies;
using Lianxin.WebHost.Tests.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Lianxin.WebHost.Tests.Residents;

/// <summary>
/// One web host on PostgreSQL with an SMS gateway stub, a centers' clock the tests move, every log event kept, and a
/// client address per request (the <c>X-Test-Client</c> header stands for the connection's address), so each test
/// has its own numbers and addresses. Limits are small so they are reached in a few requests.
/// </summary>
public sealed class ResidentHost : IAsyncLifetime
{
    public const string Center = "res-c";
    public const string KioskId = "k-res-c";
    public const int CodesPerNumber = 2;
    public const int CodesPerAddress = 4;
    public const int VerificationsPerAddress = 6;
    public const int CodeAttempts = 3;
    public const int OpenOrders = 2;
    public const int OrdersPerWindow = 3;

    private LianxinWebFactory _factory = null!;

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    internal GatewayStub Sms { get; private set; } = null!;

    /// <summary>The centers' clock, moved forward by the tests that need time to pass.</summary>
    public OffsetClock Clock { get; } = new();

    public ConcurrentQueue<LogEvent> Logs { get; } = new();

    public HttpClient Kiosk { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sms = await GatewayStub.StartAsync();
        _factory = new LianxinWebFactory(await TestDatabase.CreateAsync(), settings: new Dictionary<string, string>
        {
            ["Emergencies:Gateways:0:Name"] = "sms-main",
            ["Emergencies:Gateways:0:Channel"] = "Sms",
            ["Emergencies:Gateways:0:Url"] = $"{Sms.BaseUrl}/sms",
            ["Residents:CodesPerNumber"] = $"{CodesPerNumber}",
            ["Residents:CodesPerAddress"] = $"{CodesPerAddress}",
            ["Residents:VerificationsPerAddress"] = $"{VerificationsPerAddress}",
            ["Residents:CodeAttempts"] = $"{CodeAttempts}",
            ["Residents:OpenOrders"] = $"{OpenOrders}",
            ["Residents:OrdersPerWindow"] = $"{OrdersPerWindow}",
        });
        Host = _factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.AddKeyedSingleton<TimeProvider>(CentersClock.Key, Clock);
            services.AddSingleton<ILogEventSink>(new QueueSink(Logs));
            services.AddSingleton<IStartupFilter>(new ClientAddress());
        }));
        _ = Host.Server;

        var op = ClientAs(Role.Operator, Center);
        (await op.PostAsJsonAsync("/api/v1/centers", Requests.Center(Center, "district", null))).EnsureSuccessStatusCode();
        (await op.PostAsJsonAsync("/api/v1/kiosks", Requests.Kiosk(KioskId, Center))).EnsureSuccessStatusCode();
        var key = await (await op.PostAsync($"/api/v1/kiosks/{KioskId}/keys", null)).Content.ReadFromJsonAsync<KioskHost.KeyAnswer>();
        Kiosk = Host.CreateClient();
        Kiosk.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", key!.Authorization);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _factory.DisposeAsync();
        await Sms.DisposeAsync();
    }

    public HttpClient ClientAs(Role role, string scope) => WithToken(Host.Services.GetRequiredService<TokenIssuer>().Issue(new Caller(scope, role, scope)).Token);

    /// <summary>A client with <paramref name="token"/>, whose requests come from <paramref name="address"/> when one is named.</summary>
    public HttpClient WithToken(string token, string? address = null)
    {
        var client = address is null ? Host.CreateClient() : From(address);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client whose requests come from <paramref name="address"/>.</summary>
    public HttpClient From(string address)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return client;
    }

    /// <summary>Asks for a code for <paramref name="phone"/> (at <paramref name="path"/>) and returns the code the SMS gateway received.</summary>
    public async Task<string> CodeSentToAsync(HttpClient client, string phone, string path = "/api/v1/residents/sign-in/codes")
    {
        var sent = Sms.Received.Count;
        var response = await client.PostAsJsonAsync(path, new { phone });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var message = Sms.Received.Skip(sent).Single(m => m.GetProperty("recipients")[0].GetProperty("phone").GetString() == phone);
        return System.Text.RegularExpressions.Regex.Match(message.GetProperty("text").GetString()!, "[0-9]{6}").Value;
    }

    public static async Task<JsonElement> SignInAsync(HttpClient client, string phone, string code, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync("/api/v1/residents/sign-in", new { phone, code });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private sealed class QueueSink(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }

    /// <summary>Stands in for distinct client connections: the test names the address a request comes from.</summary>
    private sealed class ClientAddress : IStartupFilter
    {
        public const string Header = "X-Test-Client";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate following) =>
            {
                if (http.Request.Headers[Header] is [{ } address])
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }

                return following(http);
            });
            next(app);
        };
    }
}

[CollectionDefinition(Name)]
public sealed class ResidentHostCollection : ICollectionFixture<ResidentHost>
{
    public const string Name = "Resident host";
}

/// <summary>Shorthands for the tests of residents.</summary>
internal static class ResidentHostExtensions
{
    public static IGrainFactory Grains(this ResidentHost host) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IGrainFactory>(host.Host.Services);
}
