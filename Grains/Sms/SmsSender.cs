using System.Net.Http.Headers;
using System.Text.Json;
using Lianxin.Emergencies;
using Lianxin.Emergencies.Gateways;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Lianxin.Sms;

/// <summary>
/// Sends texts over the SMS gateways of <c>Emergencies:Gateways</c> (and <c>Emergencies:Webhook</c>), in their
/// configured order, each through the same resilient <see cref="IHttpClientFactory"/> client the alerts use
/// (<see cref="GatewayPipeline"/>: retries, breaker, timeout): one gateway configuration and one HTTP stack for every
/// outbound message. Nothing it logs names the number or the text.
/// </summary>
public sealed partial class SmsSender(
    IHttpClientFactory clients, IOptionsMonitor<EmergencyOptions> options, ILogger<SmsSender> logger) : ISmsSender
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IEnumerable<GatewayOptions> Gateways => options.CurrentValue.AllGateways().Where(g => g.Channel == AlertChannel.Sms);

    public bool HasGateway => Gateways.Any();

    public async Task<bool> SendAsync(SmsText text, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new SmsMessage(Guid.NewGuid(), text.Kind, text.Text, [new SmsRecipient(text.Phone)], "sms", text.IdempotencyKey), Json);
        foreach (var gateway in Gateways)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, gateway.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Add(HttpAlertGateway.IdempotencyHeader, text.IdempotencyKey);
                using var response = await clients.CreateClient(GatewayPipeline.ClientName(gateway.Name)).SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                LogRefused(gateway.Name, text.Kind, (int)response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or InvalidOperationException
                || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                LogFailed(gateway.Name, text.Kind, e.GetType().Name);
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS gateway {Gateway} refused a {Kind} text with HTTP {Status}")]
    private partial void LogRefused(string gateway, string kind, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS gateway {Gateway} could not take a {Kind} text ({Error})")]
    private partial void LogFailed(string gateway, string kind, string error);
}
