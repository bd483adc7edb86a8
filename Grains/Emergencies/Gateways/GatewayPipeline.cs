using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Lianxin.Emergencies.Gateways;

/// <summary>
/// The resilience of one gateway's HTTP client, outermost first: retries with exponential backoff and jitter that
/// wait for a gateway's <c>Retry-After</c>, a circuit breaker (a dead gateway costs a batch nothing once open, so
/// the next gateway takes over at once), and a timeout per try.
/// </summary>
public static class GatewayPipeline
{
    public static string ClientName(string gateway) => $"lianxin-gateway:{gateway}";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, GatewayOptions gateway)
    {
        if (gateway.Retries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = gateway.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = gateway.RetryDelay,
                MaxDelay = gateway.MaxRetryDelay,
                ShouldRetryAfterHeader = true,
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = gateway.BreakerFailureRatio,
            MinimumThroughput = Math.Max(2, gateway.BreakerMinimumAttempts),
            SamplingDuration = gateway.BreakerSampling,
            BreakDuration = gateway.BreakerOpenFor,
        });
        builder.AddTimeout(gateway.Timeout);
    }
}
