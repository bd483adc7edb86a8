using System.Net.Http.Headers;
using System.Text;
using Lianxin.Bench.Harness;

namespace Lianxin.Bench.Ceilings;

/// <summary>
/// Requests per second of a POST endpoint that reads the body and does nothing, in its own process, loaded by the
/// harness's HTTP client over loopback: the most any HTTP ingest can reach on this machine. Twice: with a kiosk
/// batch's body, and with a roll-call answer's.
/// </summary>
internal sealed class HttpPostCeiling : IScenario
{
    public const string Id = "ceiling.http_post";
    public const string SmallId = "ceiling.http_post_small";

    /// <summary>About the size of a roll-call answer with its reply token.</summary>
    private static readonly byte[] SmallBody = Encoding.UTF8.GetBytes(
        $$"""{"token":"{{new string('t', 43)}}","status":"acknowledged","requestId":"{{Guid.NewGuid()}}"}""");

    public string Name => "ceiling-http";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var batch = KioskBatchBody.Create(sizes.BatchSize);
        var (process, address, _) = await context.StartCeilingAppAsync("ceiling-http");
        await using (process)
        {
            using var client = HttpLoad.CreateClient(address, sizes.HttpConnections);
            var large = await LoadAsync(client, batch, sizes);
            context.Results.Ceiling(
                Id, $"Ceiling: no-op HTTP POST, {batch.Length:N0} B body (a {sizes.BatchSize}-event batch), {sizes.HttpConnections} connections", large.PerSecond, "req/s",
                $"p50 {Results.Number(large.Latency.P50)} ms, p99 {Results.Number(large.Latency.P99)} ms, {large.Errors} errors");
            var small = await LoadAsync(client, SmallBody, sizes);
            context.Results.Ceiling(
                SmallId, $"Ceiling: no-op HTTP POST, {SmallBody.Length} B body (a roll-call answer), {sizes.HttpConnections} connections", small.PerSecond, "req/s",
                $"p50 {Results.Number(small.Latency.P50)} ms, p99 {Results.Number(small.Latency.P99)} ms, {small.Errors} errors");
        }
    }

    private static Task<LoadResult> LoadAsync(HttpClient client, byte[] body, BenchSizes sizes) => ClosedLoop.RunAsync(
        sizes.HttpConnections,
        _ =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return HttpLoad.SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/ingest") { Content = content });
        },
        sizes.Warmup,
        sizes.Measure);
}
