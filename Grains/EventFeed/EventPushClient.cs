using System.Net.Http.Headers;

namespace Lianxin.EventFeed;

/// <summary>
/// Sends one event to one endpoint: the CloudEvents JSON as the body, signed, with the event id as the idempotency key.
/// The named client's pipeline retries quickly (with backoff) and times out each attempt; what it still cannot deliver
/// comes back as a failure with the reason, for the subscriber to back off and try again.
/// </summary>
public sealed class EventPushClient(IHttpClientFactory clients, TimeProvider clock)
{
    public async Task<string?> SendAsync(string url, string secret, string subscriptionId, FeedRecord record, CancellationToken cancellationToken)
    {
        var body = CloudEvent.Serialize(record);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(CloudEvent.MediaType) { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(EventSignature.Header, EventSignature.Sign(secret, clock.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", record.Event.Id);
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
