using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Lianxin.Emergencies.Gateways;

/// <summary>
/// Sends a batch to the gateways of its channel in their configured order, each through its own resilient
/// <see cref="IHttpClientFactory"/> client (<see cref="GatewayPipeline"/>) and within its own rate limit, stopping at
/// the first that accepts it (2xx). Every try is reported.
/// </summary>
public sealed partial class HttpAlertGateway(
    IHttpClientFactory clients, IOptionsMonitor<EmergencyOptions> options, TimeProvider clock, ILogger<HttpAlertGateway> logger)
    : IAlertGateway, IDisposable
{
    public const string IdempotencyHeader = "Idempotency-Key";

    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _limits = new(StringComparer.Ordinal);

    public async Task<BatchOutcome> SendAsync(AlertBatch batch, CancellationToken cancellationToken)
    {
        var gateways = options.CurrentValue.AllGateways().Where(g => g.Channel == batch.Channel).ToList();
        if (gateways.Count == 0 || batch.Recipients.Count == 0)
        {
            return new BatchOutcome(false, []);
        }

        var alert = batch.Alert;
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new WebhookPayload(batch.BatchId, alert.EmergencyId, alert.Number, alert.Kind, alert.Mode, alert.Level, alert.Headline, alert.Text,
                [.. batch.Recipients.Select(r => new WebhookRecipient(r.VolunteerId, r.Name, r.Phone, r.Token))], batch.Channel, batch.IdempotencyKey),
            EmergencyEvents.Json);
        var attempts = new List<DeliveryAttempt>();
        foreach (var gateway in gateways)
        {
            await WaitForShareAsync(gateway, batch.Recipients.Count, cancellationToken);
            var tries = new List<GatewayTry>();
            var at = clock.GetUtcNow();
            string? refusal = null;
            var accepted = false;
            var broken = false;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, gateway.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Add(IdempotencyHeader, batch.IdempotencyKey);
                request.Options.Set(GatewayTryRecorder.TriesKey, tries);
                using var response = await clients.CreateClient(GatewayPipeline.ClientName(gateway.Name)).SendAsync(request, cancellationToken);
                accepted = response.IsSuccessStatusCode;
            }
            catch (BrokenCircuitException)
            {
                broken = true;
                refusal = "circuit open: the gateway failed too often, nothing sent";
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or InvalidOperationException
                || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                refusal = e is TimeoutRejectedException ? $"no answer within {gateway.Timeout.TotalSeconds:0.#} s" : e.Message;
            }

            lock (tries)
            {
                foreach (var t in tries)
                {
                    attempts.Add(Attempt(batch, gateway, attempts.Count + 1, t.StatusCode is >= 200 and < 300, t.StatusCode, t.Error, t.At, t.DurationMs));
                }
            }

            if (tries.Count == 0 || broken)
            {
                attempts.Add(Attempt(batch, gateway, attempts.Count + 1, false, null, refusal ?? "not sent", at, 0));
            }

            if (accepted)
            {
                return new BatchOutcome(true, attempts);
            }

            LogRefused(gateway.Name, alert.EmergencyId, alert.Number, batch.Channel, attempts[^1].Error ?? "refused");
        }

        return new BatchOutcome(false, attempts);
    }

    public void Dispose()
    {
        foreach (var limit in _limits.Values)
        {
            limit.Dispose();
        }
    }

    /// <summary>Waits until the gateway's rate limit lets this many more messages through.</summary>
    private async Task WaitForShareAsync(GatewayOptions gateway, int messages, CancellationToken cancellationToken)
    {
        var perSecond = Math.Max(1, gateway.MessagesPerSecond);
        var limit = _limits.GetOrAdd(gateway.Name, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = Math.Max(1, perSecond / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
        for (var left = messages; left > 0;)
        {
            var take = Math.Min(left, perSecond);
            using var lease = await limit.AcquireAsync(take, cancellationToken);
            left -= take;
        }
    }

    private DeliveryAttempt Attempt(AlertBatch batch, GatewayOptions gateway, int number, bool ok, int? status, string? error, DateTimeOffset at, double ms) =>
        new(batch.BatchId, batch.Alert.Kind, batch.Alert.Number, Describe(gateway), number, ok, status, error, batch.Recipients.Count, at, ms,
            batch.Channel, batch.IdempotencyKey);

    /// <summary>The gateway's name and URL without its query: gateways often carry keys there, which must not land in the journal.</summary>
    private static string Describe(GatewayOptions gateway) =>
        Uri.TryCreate(gateway.Url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : $"{gateway.Name} (invalid URL)";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway {Gateway} refused message {Number} of emergency {EmergencyId} on {Channel}: {Error}")]
    private partial void LogRefused(string gateway, string emergencyId, int number, AlertChannel channel, string error);
}
