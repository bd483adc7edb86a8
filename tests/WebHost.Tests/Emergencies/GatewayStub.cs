using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Lianxin.WebHost.Tests.Emergencies;

/// <summary>
/// A stand-in SMS gateway on a real loopback port: <c>/down</c> always answers 503, <c>/sms</c> accepts and keeps
/// every batch it receives.
/// </summary>
internal sealed class GatewayStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayStub(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonElement> Received { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<GatewayStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new GatewayStub(app);
        app.MapPost("/down", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        app.MapPost("/sms", async (HttpRequest request) =>
        {
            stub.Received.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
            return Results.Accepted();
        });
        await app.StartAsync();
        stub.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
