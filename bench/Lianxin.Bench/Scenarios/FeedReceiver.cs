using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lianxin.Bench.Scenarios;

/// <summary>One event as the event-feed scenario's subscriber received it.</summary>
internal sealed record FeedArrival(string Id, string Source, int N, long At);

/// <summary>
/// The event-feed scenario's subscriber on a Kestrel port in the harness: takes one CloudEvent or a batch (a JSON array),
/// answers 204 at once, or 503 while <see cref="Down"/>, and keeps when each accepted event arrived.
/// </summary>
internal sealed class FeedReceiver
{
    private readonly ConcurrentDictionary<string, bool> _seen = new();
    private volatile bool _down;
    private int _refused;

    public ConcurrentQueue<FeedArrival> Arrivals { get; } = new();

    public string Url { get; private set; } = "";

    public int Distinct => _seen.Count;

    public int Refused => _refused;

    /// <summary>While true every request is answered 503 and nothing is kept: the subscriber's outage.</summary>
    public bool Down { get => _down; set => _down = value; }

    public bool Holds(string id) => _seen.ContainsKey(id);

    public async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/events", async (HttpRequest request) =>
        {
            var at = Stopwatch.GetTimestamp();
            if (_down)
            {
                Interlocked.Increment(ref _refused);
                return Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            using var json = await JsonDocument.ParseAsync(request.Body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in root.EnumerateArray())
                {
                    Keep(e, at);
                }
            }
            else
            {
                Keep(root, at);
            }

            return Microsoft.AspNetCore.Http.Results.NoContent();
        });
        await app.StartAsync();
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/events";
        return app;
    }

    private void Keep(JsonElement e, long at)
    {
        var id = e.GetProperty("id").GetString()!;
        if (id.StartsWith("bench-", StringComparison.Ordinal))
        {
            Arrivals.Enqueue(new FeedArrival(id, e.GetProperty("source").GetString()!, e.GetProperty("data").GetProperty("n").GetInt32(), at));
            _seen.TryAdd(id, true);
        }
    }
}
