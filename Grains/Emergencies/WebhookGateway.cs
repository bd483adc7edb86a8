using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lianxin.Emergencies;

/// <summary>
/// Posts each batch as JSON to the configured gateway URLs in order, stopping at the first that accepts it. Every
/// attempt is reported with its result, so an operator can see which gateway carried what.
/// </summary>
public sealed partial class WebhookGateway(IOptionsMonitor<EmergencyOptions> options, TimeProvider clock, ILogger<WebhookGateway> logger)
    : IAlertGateway, IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<IReadOnlyList<DeliveryAttempt>> SendAsync(AlertBatch batch, IReadOnlyList<AlertReceipt> receipts, CancellationToken cancellationToken)
    {
        var webhook = options.CurrentValue.Webhook;
        if (webhook.Urls.Count == 0 || receipts.Count == 0)
        {
            return [];
        }

        var tokens = batch.Recipients.ToDictionary(r => r.VolunteerId, r => r.Token, StringComparer.Ordinal);
        var alert = batch.Alert;
        var payload = new WebhookPayload(batch.BatchId, alert.EmergencyId, alert.Number, alert.Kind, alert.Mode, alert.Level, alert.Headline, alert.Text,
            [.. receipts.Select(r => new WebhookRecipient(r.VolunteerId, r.Name, r.Phone, tokens.GetValueOrDefault(r.VolunteerId)))]);

        var attempts = new List<DeliveryAttempt>();
        for (var i = 0; i < webhook.Urls.Count; i++)
        {
            var url = webhook.Urls[i];
            var started = Stopwatch.GetTimestamp();
            int? status = null;
            string? error = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(webhook.Timeout);
                using var response = await _http.PostAsJsonAsync(url, payload, EmergencyEvents.Json, timeout.Token);
                status = (int)response.StatusCode;
                error = response.IsSuccessStatusCode ? null : $"HTTP {status}";
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException)
            {
                error = e is OperationCanceledException ? $"no answer within {webhook.Timeout.TotalSeconds:0.#} s" : e.Message;
            }

            var ok = error is null;
            EmergencyMetrics.Attempt(url, ok, Stopwatch.GetElapsedTime(started));
            attempts.Add(new DeliveryAttempt(batch.BatchId, alert.Kind, alert.Number, Describe(url), i + 1, ok, status, error, receipts.Count,
                clock.GetUtcNow(), Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1)));
            if (ok)
            {
                break;
            }

            LogAttemptFailed(Describe(url), alert.EmergencyId, alert.Number, error!);
        }

        return attempts;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The URL without its query: gateways often carry keys there, which must not land in the journal.</summary>
    private static string Describe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : "(invalid URL)";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway {Gateway} refused message {Number} of emergency {EmergencyId}: {Error}")]
    private partial void LogAttemptFailed(string gateway, string emergencyId, int number, string error);
}
