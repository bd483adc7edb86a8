using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lianxin.Simulator;

/// <summary>Sending batches with retries, heartbeats, and the report.</summary>
public sealed partial class KioskSimulator
{
    private const int Attempts = 6;

    private static List<SimulatedKiosk> CreateKiosks(DistrictFile district, List<DistrictFile.Kiosk> played, Dictionary<string, string> keys)
    {
        var volunteers = district.VolunteersByCenter();
        var levels = district.Centers.ToDictionary(c => c.Id, c => c.Level);
        var seed = 0;
        return [.. played.Select(k =>
        {
            // Kiosks of one center share its volunteers out between them, so no person is inside twice at once.
            var siblings = played.Where(s => s.CenterId == k.CenterId).Select(s => s.Id).ToList();
            var mine = volunteers.GetValueOrDefault(k.CenterId, []).Where((_, i) => i % siblings.Count == siblings.IndexOf(k.Id)).ToArray();
            return new SimulatedKiosk(k.Id, k.CenterId, keys[k.Id], mine, levels.GetValueOrDefault(k.CenterId) == "redSailStation", new Random(++seed));
        })];
    }

    /// <summary>Posts a batch until the server answers it (a kiosk retries after network and server failures).</summary>
    private async Task SendAsync(HttpClient http, SimulatedKiosk kiosk, List<WireEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // The kiosk has its batch ready before it sends, and sends it with its length, as the firmware does: the timer
        // covers the acknowledgement (send → answer received), not the simulator's own serialization.
        var body = JsonSerializer.SerializeToUtf8Bytes(new { events = batch }, Json);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/kiosks/{kiosk.Id}/events")
                {
                    Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
                };
                request.Headers.TryAddWithoutValidation("Authorization", kiosk.Authorization);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, cancellationToken);
                var answered = Stopwatch.GetElapsedTime(started);
                if (response.StatusCode >= HttpStatusCode.InternalServerError)
                {
                    throw new HttpRequestException($"Server answered {(int)response.StatusCode}.");
                }

                if (!response.IsSuccessStatusCode)
                {
                    // A 4xx is the simulator's own mistake: retrying would not help.
                    Interlocked.Increment(ref _failed);
                    _rejections.Enqueue($"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    return;
                }

                var answer = (await response.Content.ReadFromJsonAsync<BatchAnswer>(Json, cancellationToken))!;
                if (started >= _timedFrom)
                {
                    _latencies.Add(answered.TotalMilliseconds);
                }

                Count(kiosk, batch, answer);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _failed);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
            }
        }
    }

    private void Count(SimulatedKiosk kiosk, List<WireEvent> batch, BatchAnswer answer)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _sent, batch.Count);
        var sent = batch.ToDictionary(e => e.EventId);
        foreach (var result in answer.Results)
        {
            if (!kiosk.FirstAnswer(result.EventId))
            {
                Interlocked.Increment(ref _duplicates);
                continue;
            }

            switch (result.Status)
            {
                case "accepted":
                    Interlocked.Increment(ref _accepted);
                    if (sent[result.EventId] is { Type: "checkIn" } checkIn)
                    {
                        var minute = new DateTimeOffset(checkIn.OccurredAt.UtcTicks - (checkIn.OccurredAt.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
                        _checkIns.AddOrUpdate((kiosk.CenterId, minute), 1, (_, n) => n + 1);
                    }

                    break;
                case "rejected":
                    Interlocked.Increment(ref _rejected);
                    if (_rejections.Count < 100)
                    {
                        _rejections.Enqueue(result.Reason ?? "");
                    }

                    break;
                default:
                    // A first answer "duplicate": an earlier attempt was stored although its answer was lost.
                    Interlocked.Increment(ref _unexpected);
                    break;
            }
        }

        kiosk.Acknowledged(answer.Results.Select(r => r.EventId));
    }

    private async Task BeatAsync(HttpClient http, List<SimulatedKiosk> kiosks, CancellationToken cancellationToken)
    {
        var gap = options.HeartbeatInterval / Math.Max(1, kiosks.Count);
        try
        {
            for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
            {
                var kiosk = kiosks[i % kiosks.Count];
                if (kiosk.OfflineBatchesLeft == 0)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/kiosks/{kiosk.Id}/heartbeat")
                    {
                        Content = JsonContent.Create(new { appVersion = "2.3.1", peripherals = new { printer = "ok", cardReader = "ok", scanner = "ok" } }, options: Json),
                    };
                    request.Headers.TryAddWithoutValidation("Authorization", kiosk.Authorization);
                    using var response = await http.SendAsync(request, cancellationToken);
                    Interlocked.Increment(ref response.IsSuccessStatusCode ? ref _heartbeats : ref _failed);
                }

                await Task.Delay(gap, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException)
        {
            // The run is over, or the host went away: heartbeats stop with it.
        }
    }

    private SimulationReport Report(TimeSpan elapsed)
    {
        var latencies = _latencies.Order().ToArray();
        double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        return new SimulationReport(
            Interlocked.Read(ref _newEvents), _sent, _batches, _accepted, _rejected, _duplicates, _unexpected, _failed, _heartbeats, elapsed,
            Percentile(0.50), Percentile(0.95), Percentile(0.99),
            new Dictionary<(string, DateTimeOffset), int>(_checkIns), [.. _rejections]);
    }

    private sealed record BatchAnswer(IReadOnlyList<EventAnswer> Results);

    private sealed record EventAnswer(Guid EventId, string Status, string? Reason);
}
