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
/// A stand-in gateway on a real loopback port that misbehaves as real ones do. <c>/sms</c> answers the first tries
/// of every batch with a script (503, then no answer at all, then 429 with <c>Retry-After: 1</c>) and accepts the
/// next; <c>/im</c> accepts at once. Like a real gateway it delivers a batch once per <c>Idempotency-Key</c>, and
/// it keeps, per channel, every person it delivered to, as often as it did.
/// </summary>
internal sealed class FlakyGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _tries = new();
    private readonly ConcurrentDictionary<string, bool> _delivered = new();

    private FlakyGateway(WebApplication app) => _app = app;

    /// <summary>Each delivery: channel path, message number, person.</summary>
    public ConcurrentQueue<(string Channel, int Message, string VolunteerId)> Deliveries { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<FlakyGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new FlakyGateway(app);
        app.MapPost("/sms", (HttpRequest request) => stub.HandleAsync(request.HttpContext, "sms", flaky: true));
        app.MapPost("/im", (HttpRequest request) => stub.HandleAsync(request.HttpContext, "im", flaky: false));
        await app.StartAsync();
        stub.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return stub;
    }

    private async Task<IResult> HandleAsync(HttpContext http, string channel, bool flaky)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
        var attempt = _tries.AddOrUpdate($"{channel}/{key}", 1, (_, n) => n + 1);
        if (flaky && attempt == 1)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (flaky && attempt == 2)
        {
            // No answer: the caller's per-try timeout gives up first.
            await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
        }

        if (flaky && attempt == 3)
        {
            http.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (key.Length > 0 && _delivered.TryAdd($"{channel}/{key}", true))
        {
            var number = body.GetProperty("messageNumber").GetInt32();
            foreach (var recipient in body.GetProperty("recipients").EnumerateArray())
            {
                Deliveries.Enqueue((channel, number, recipient.GetProperty("volunteerId").GetString()!));
            }
        }

        return Results.Accepted();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
