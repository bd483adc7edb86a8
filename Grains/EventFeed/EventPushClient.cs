using System.Globalization;
using System.Net.Http.Headers;

namespace Lianxin.EventFeed;

/// <summary>
/// Sends events to one endpoint: one event as CloudEvents JSON, or a batch as a CloudEvents JSON array, signed, with an
/// idempotency key (the event id; for a batch the sequence range it covers). The named client's pipeline retries quickly
/// (with backoff) and times out each attempt; what it still cannot deliver comes back as a failure with the reason, for
/// the subscriber to back off and try again.
/// </summary>
public sealed class EventPushClient(IHttpClientFactory clients, TimeProvider clock)
{
    public Task<string?> SendAsync(string url, string secret, string subscriptionId, FeedRecord record, CancellationToken cancellationToken) =>
        PostAsync(url, secret, subscriptionId, CloudEvent.Serialize(record), CloudEvent.MediaType, record.Event.Id, cancellationToken);

    /// <summary>Sends <paramref name="count"/> records from <paramref name="start"/> as one batch, in their order.</summary>
    public Task<string?> SendBatchAsync(string url, string secret, string subscriptionId, IReadOnlyList<FeedRecord> records, int start, int count, CancellationToken cancellationToken)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"batch:{records[start].Position}-{records[start + count - 1].Position}");
        return PostAsync(url, secret, subscriptionId, CloudEventBatch.Serialize(records, start, count), CloudEventBatch.MediaType, key, cancellationToken);
    }

    private async Task<string?> PostAsync(string url, string secret, string subscriptionId, byte[] body, string mediaType, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(EventSignature.Header, EventSignature.Sign(secret, clock.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        request.Headers.TryAddWithoutValidation("Lianxin-Subscription", subscriptionId);
        try
        {
            using var response = await clients.CreateClient(EventFeedOptions.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException
            && !cancellationToken.IsCancellationRequested)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
