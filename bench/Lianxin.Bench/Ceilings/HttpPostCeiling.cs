using System.Net.Http.Headers;
using Lianxin.Bench.Harness;

namespace Lianxin.Bench.Ceilings;

/// <summary>
/// Requests per second of a POST endpoint that reads a kiosk-batch-sized body and does nothing, in its own process,
/// loaded by the harness's HTTP client over loopback: the most any HTTP ingest can reach on this machine.
/// </summary>
internal sealed class HttpPostCeiling : IScenario
{
    public const string Id = "ceiling.http_post";

    public string Name => "ceiling-http";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var body = KioskBatchBody.Create(sizes.BatchSize);
        var (process, address, _) = await context.StartCeilingAppAsync("ceiling-http");
        await using (process)
        {
            using var client = HttpLoad.CreateClient(address, sizes.HttpConnections);
            var load = await ClosedLoop.RunAsync(
                sizes.HttpConnections,
                _ =>
                {
                    var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    return HttpLoad.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/ingest") { Content = content });
                },
                sizes.Warmup,
                sizes.Measure);
            context.Results.Ceiling(
                Id, $"Ceiling: no-op HTTP POST, {body.Length:N0} B body, {sizes.HttpConnections} connections", load.PerSecond, "req/s",
                $"p50 {Results.Number(load.Latency.P50)} ms, p99 {Results.Number(load.Latency.P99)} ms, {load.Errors} errors; body = one {sizes.BatchSize}-event kiosk batch");
        }
    }
}
