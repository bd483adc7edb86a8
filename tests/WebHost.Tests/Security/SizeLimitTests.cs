using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Lianxin.Live;
using Lianxin.TestSupport;
using Lianxin.WebHost.Live;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Live;
using Lianxin.WebHost.Tests.Registry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>Request bodies and live-hub messages have size limits from configuration, on a real Kestrel port.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class SizeLimitTests : IAsyncLifetime
{
    private const int MaxBody = 4096;
    private LianxinWebFactory _host = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _host = new LianxinWebFactory(await TestDatabase.CreateAsync(), settings: new Dictionary<string, string>
        {
            ["Limits:MaxRequestBodyBytes"] = MaxBody.ToString(CultureInfo.InvariantCulture),
            ["Limits:MaxHubMessageBytes"] = "2048",
        });
        _host.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        _address = new Uri(_host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnOversizedBodyIsAnswered413ProblemDetailsWhetherItsLengthIsDeclaredOrNot()
    {
        using var http = Client(Role.Operator, "big");
        var body = $"{{\"id\":\"big\",\"name\":\"{new string('x', 64 * 1024)}\"}}";

        var declared = await http.PostAsync("/api/v1/centers", new StringContent(body, Encoding.UTF8, "application/json"));
        var streamed = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/centers") { Content = streamed };
        chunked.Headers.TransferEncodingChunked = true;
        var undeclared = await http.SendAsync(chunked);
        using var after = Client(Role.Operator, "big");
        var small = await after.GetAsync("/api/v1/centers/big");

        await ProblemAssert.IsProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge);
        await ProblemAssert.IsProblemAsync(undeclared, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(HttpStatusCode.NotFound, small.StatusCode);
    }

    [Fact]
    public async Task AnOversizedHubMessageClosesThatConnectionAndTheHubServesOthers()
    {
        var data = await LiveData.CreateAsync(_host.Grains);
        var token = Token(Role.Operator, data.District);
        await using var greedy = await ConnectAsync(token);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        greedy.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };

        var oversized = greedy.InvokeAsync<object>("Subscribe", new string('x', 8 * 1024)).WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<Exception>(() => oversized);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await using var other = await ConnectAsync(token);
        var snapshot = await other.InvokeAsync<System.Text.Json.JsonElement>("Subscribe", LiveScope.Region(data.District)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HubConnectionState.Disconnected, greedy.State);
        Assert.Equal(LiveScope.Region(data.District), snapshot.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task AuditEntriesSayWhichAddressAChangeCameFrom()
    {
        using var http = Client(Role.Operator, "from");
        (await http.PostAsJsonAsync("/api/v1/centers", Requests.Center("from", "district", null))).EnsureSuccessStatusCode();
        using var auditor = Client(Role.Auditor, "from");

        var entry = Assert.Single(await AuditQuery.EntriesAsync(auditor, subject: "center:from"));

        Assert.Equal(("center.created", "127.0.0.1"), (AuditQuery.Get(entry, "action"), AuditQuery.Get(entry, "from")));
    }

    private string Token(Role role, string scope) => _host.Services.GetRequiredService<TokenIssuer>().Issue(new Caller(scope, role, scope)).Token;

    private HttpClient Client(Role role, string scope)
    {
        var http = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, scope));
        return http;
    }

    private async Task<HubConnection> ConnectAsync(string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_address, LiveConfiguration.HubPath), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return connection;
    }
}
