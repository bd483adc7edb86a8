using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// The push scenario's probe: the one kiosk the simulator never plays, at a center no other kiosk serves, sends one
/// visitor check-in at a time through kiosk protocol v1. Each accepted check-in raises that center's check-in count by
/// exactly one, so a dashboard that sees count base + n has received probe n.
/// </summary>
internal sealed class PushProbe(HttpClient http, string kioskId, string authorization)
{
    private readonly List<(long Sent, long Acknowledged)> _probes = [];
    private readonly List<DateTimeOffset> _acknowledgedAt = [];

    /// <summary>When each probe was acknowledged, by the wall clock (the feeds stamp their deltas with it).</summary>
    public IReadOnlyList<DateTimeOffset> AcknowledgedAt => _acknowledgedAt;

    public IReadOnlyList<(long Sent, long Acknowledged)> Probes => _probes;

    /// <summary>Registers a device key for the probe kiosk, as center staff would.</summary>
    public static async Task<PushProbe> ProvisionAsync(HttpClient http, string kioskId, string operatorToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/kiosks/{kioskId}/keys");
        request.Headers.Authorization = new("Bearer", operatorToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var key = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new PushProbe(http, kioskId, key.GetProperty("authorization").GetString()!);
    }

    /// <summary>Sends probes one after another, one per <paramref name="interval"/>, until <paramref name="duration"/> has passed.</summary>
    public async Task RunAsync(TimeSpan interval, TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        using var timer = new PeriodicTimer(interval);
        while (Stopwatch.GetTimestamp() < end && await timer.WaitForNextTickAsync())
        {
            var n = _probes.Count + 1;
            var body = JsonSerializer.Serialize(new
            {
                events = new[]
                {
                    new
                    {
                        eventId = Guid.NewGuid(),
                        occurredAt = DateTimeOffset.UtcNow,
                        type = "checkIn",
                        personId = $"r-probe-{Guid.NewGuid():N}",
                        role = "visitor",
                        purpose = "convenienceServices",
                    },
                },
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/kiosks/{kioskId}/events")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            var acknowledged = Stopwatch.GetTimestamp();
            var acknowledgedAt = DateTimeOffset.UtcNow;
            var answer = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode || !answer.Contains("\"accepted\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Probe {n} was not accepted: {(int)response.StatusCode} {answer}");
            }

            _probes.Add((sent, acknowledged));
            _acknowledgedAt.Add(acknowledgedAt);
        }
    }
}
