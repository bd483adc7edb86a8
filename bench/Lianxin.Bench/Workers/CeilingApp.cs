using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lianxin.Bench.Workers;

/// <summary>
/// The tiny web app the HTTP and SignalR ceilings are measured on, started by the harness as its own process
/// (<c>Lianxin.Bench.dll serve</c>, address in <c>ASPNETCORE_URLS</c>), like the product's web host: a POST endpoint
/// that reads the body and does nothing with it, a hub with no logic, and a health endpoint for the cold-start floor.
/// </summary>
internal static class CeilingApp
{
    public const string HubPath = "/hubs/bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<Broadcaster>();
        var app = builder.Build();

        app.MapGet("/health", () => Results.Ok());
        app.MapPost("/ingest", async (HttpRequest request) =>
        {
            // Read the whole body, as the product must before it can answer, and keep none of it.
            var buffer = new byte[16 * 1024];
            while (await request.Body.ReadAsync(buffer) > 0)
            {
            }

            return Results.Ok();
        });
        app.MapPost("/broadcast", (int count, double perSecond, int bytes, Broadcaster broadcaster) =>
        {
            broadcaster.Start(count, perSecond, bytes);
            return Results.Accepted();
        });
        app.MapGet("/broadcast", (Broadcaster broadcaster) => Results.Ok(broadcaster.Sent));
        app.MapHub<BenchHub>(HubPath);
        await app.RunAsync();
        return 0;
    }
}

/// <summary>A hub with no logic: clients connect and receive what the broadcaster sends to all.</summary>
internal sealed class BenchHub : Hub;

/// <summary>Sends timestamped messages to every connected client at a steady rate.</summary>
internal sealed class Broadcaster(IHubContext<BenchHub> hub)
{
    public const string Method = "Tick";

    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    public void Start(int count, double perSecond, int bytes)
    {
        _sent = 0;
        var payload = new string('x', bytes);
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / perSecond));
            for (var i = 0; i < count && await timer.WaitForNextTickAsync(); i++)
            {
                // Stopwatch timestamps are CLOCK_MONOTONIC on Linux: the same clock in every process of the machine.
                await hub.Clients.All.SendAsync(Method, System.Diagnostics.Stopwatch.GetTimestamp(), i, payload);
                Interlocked.Increment(ref _sent);
            }
        });
    }
}
