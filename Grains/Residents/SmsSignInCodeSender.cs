using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Lianxin.Emergencies;
using Lianxin.Emergencies.Gateways;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Lianxin.Residents;

/// <summary>
/// Sends sign-in codes over the SMS gateways of <c>Emergencies:Gateways</c> (and <c>Emergencies:Webhook</c>), in their
/// configured order, each through the same resilient <see cref="IHttpClientFactory"/> client the alerts use
/// (<see cref="GatewayPipeline"/>): one gateway configuration and one HTTP stack for every outbound message. Nothing
/// it logs names the number or the code.
/// </summary>
public sealed partial class SmsSignInCodeSender(
    IHttpClientFactory clients, IOptionsMonitor<EmergencyOptions> options, ILogger<SmsSignInCodeSender> logger) : ISignInCodeSender
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IEnumerable<GatewayOptions> Gateways => options.CurrentValue.AllGateways().Where(g => g.Channel == AlertChannel.Sms);

    public bool HasGateway => Gateways.Any();

    public async Task<bool> SendAsync(string phone, string code, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var minutes = Math.Max(1, (int)Math.Round(lifetime.TotalMinutes));
        var batchId = Guid.NewGuid();
        var text = string.Create(CultureInfo.InvariantCulture, $"【连心】您的登录验证码为 {code}，{minutes} 分钟内有效。请勿告诉他人。");
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new SignInCodeMessage(batchId, "signInCode", text, [new SignInCodeRecipient(phone)], "sms", $"sign-in:{batchId:N}"), Json);
        foreach (var gateway in Gateways)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, gateway.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Add(HttpAlertGateway.IdempotencyHeader, $"sign-in:{batchId:N}");
                using var response = await clients.CreateClient(GatewayPipeline.ClientName(gateway.Name)).SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                LogRefused(gateway.Name, (int)response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or InvalidOperationException
                || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                LogFailed(gateway.Name, e.GetType().Name);
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS gateway {Gateway} refused a sign-in code with HTTP {Status}")]
    private partial void LogRefused(string gateway, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS gateway {Gateway} could not take a sign-in code ({Error})")]
    private partial void LogFailed(string gateway, string error);
}
