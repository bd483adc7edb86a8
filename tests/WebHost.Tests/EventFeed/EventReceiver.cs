using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Lianxin.WebHost.Tests.EventFeed;

/// <summary>What the receiver does with one request.</summary>
public enum Answer
{
    Accept,
    Fail,
    Hang,
}

/// <summary>One request the receiver got: its number, signature header, body, and what it answered.</summary>
public sealed record Receipt(int Number, string? Signature, byte[] Body, Answer Answer, string? ContentType = null)
{
    /// <summary>The events it carried: the one event, or every event of a batch in its order.</summary>
    public IReadOnlyList<JsonElement> Events => Event.ValueKind == JsonValueKind.Array ? [.. Event.EnumerateArray()] : [Event];

    public JsonElement Event => JsonDocument.Parse(Body).RootElement;

    public string Id => Event.GetProperty("id").GetString()!;

    public string Source => Event.GetProperty("source").GetString()!;

    public long Sequence => long.Parse(Event.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A subscriber's endpoint on a real Kestrel port: <see cref="Script"/> decides per request number whether it accepts
/// (2xx), fails (500) or hangs until the sender gives up; every request is kept.
/// </summary>
public sealed class EventReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private EventReceiver(WebApplication app) => _app = app;

    public Func<int, Answer> Script { get; set; } = _ => Answer.Accept;

    public ConcurrentQueue<Receipt> Receipts { get; } = new();

    public string Url { get; private set; } = "";

    public IEnumerable<Receipt> Accepted => Receipts.Where(r => r.Answer == Answer.Accept).OrderBy(r => r.Number);

    public static async Task<EventReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new EventReceiver(app);
        app.MapPost("/events", (Delegate)receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/events";
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpContext http)
    {
        var number = Interlocked.Increment(ref _count);
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var answer = Script(number);
        Receipts.Enqueue(new Receipt(number, http.Request.Headers["Lianxin-Signature"].FirstOrDefault(), body.ToArray(), answer, http.Request.ContentType));
        switch (answer)
        {
            case Answer.Fail:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            case Answer.Hang:
                // Held until the sender's per-attempt timeout gives up on it.
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
            default:
                return Results.NoContent();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
