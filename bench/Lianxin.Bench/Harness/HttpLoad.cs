using System.Net;

namespace Lianxin.Bench.Harness;

/// <summary>The harness's HTTP clients: one pooled connection per concurrent request, kept open for the whole run.</summary>
internal static class HttpLoad
{
    public static HttpClient CreateClient(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Sends the request and reads the whole answer; true on a 2xx.</summary>
    public static async Task<bool> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            return response.IsSuccessStatusCode;
        }
    }
}
