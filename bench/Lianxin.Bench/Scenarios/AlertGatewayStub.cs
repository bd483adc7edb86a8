using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Lianxin.Bench.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// The SMS / instant-messaging gateway the product's webhook channel posts alerts to, played by the harness: it
/// answers 200 at once, notes when each recipient was reached, and hands each (person, reply token) to the people
/// who answer.
/// </summary>
internal sealed class AlertGatewayStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(string VolunteerId, string Token)> _recipients = Channel.CreateUnbounded<(string, string)>();
    private readonly HashSet<string> _reached = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _lastReachedAt;

    private AlertGatewayStub(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Recipients in the order they were reached, each once per emergency.</summary>
    public ChannelReader<(string VolunteerId, string Token)> Recipients => _recipients.Reader;

    public int Reached
    {
        get
        {
            lock (_gate)
            {
                return _reached.Count;
            }
        }
    }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> when the latest new recipient arrived.</summary>
    public long LastReachedAt => Interlocked.Read(ref _lastReachedAt);

    public static async Task<AlertGatewayStub> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var stub = new AlertGatewayStub(app, new Uri($"http://127.0.0.1:{port}/alerts"));
        app.MapPost("/alerts", async (HttpRequest request) =>
        {
            using var payload = await JsonDocument.ParseAsync(request.Body);
            stub.Receive(payload.RootElement);
            return Microsoft.AspNetCore.Http.Results.Ok();
        });
        await app.StartAsync();
        return stub;
    }

    private void Receive(JsonElement payload)
    {
        var now = Stopwatch.GetTimestamp();
        var emergency = payload.GetProperty("emergencyId").GetString();
        foreach (var recipient in payload.GetProperty("recipients").EnumerateArray())
        {
            var id = recipient.GetProperty("volunteerId").GetString()!;
            var token = recipient.TryGetProperty("token", out var t) ? t.GetString() : null;
            bool first;
            lock (_gate)
            {
                first = _reached.Add($"{emergency}/{id}");
            }

            if (first)
            {
                Interlocked.Exchange(ref _lastReachedAt, now);
                if (token is not null)
                {
                    _recipients.Writer.TryWrite((id, token));
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _recipients.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
