using System.Diagnostics;

namespace Lianxin.Emergencies.Gateways;

/// <summary>
/// Sits below the resilience pipeline, so it sees every try of a request (each retry), and notes each in the list
/// the request carries (what the operator sees under <c>GET …/deliveries</c>) and in the gateway metrics.
/// </summary>
public sealed class GatewayTryRecorder(TimeProvider clock) : DelegatingHandler
{
    internal static readonly HttpRequestOptionsKey<List<GatewayTry>> TriesKey = new("lianxin.gateway.tries");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(TriesKey, out var tries);
        var at = clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            EmergencyMetrics.Attempt(request.RequestUri, response.IsSuccessStatusCode, Stopwatch.GetElapsedTime(started));
            Add(tries, new GatewayTry(at, status, response.IsSuccessStatusCode ? null : $"HTTP {status}", Elapsed(started)));
            return response;
        }
        catch (Exception e)
        {
            EmergencyMetrics.Attempt(request.RequestUri, false, Stopwatch.GetElapsedTime(started));
            Add(tries, new GatewayTry(at, null, e is OperationCanceledException ? "no answer in time" : e.Message, Elapsed(started)));
            throw;
        }
    }

    private static void Add(List<GatewayTry>? tries, GatewayTry attempt)
    {
        if (tries is null)
        {
            return;
        }

        lock (tries)
        {
            tries.Add(attempt);
        }
    }

    private static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
}
