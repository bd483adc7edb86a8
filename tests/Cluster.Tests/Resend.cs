using Lianxin.TestSupport;

namespace Lianxin.Cluster.Tests;

/// <summary>
/// What a real client does while the cluster fails over: a request that fails (503, a dropped connection, no
/// answer in time) is sent again, unchanged, until it is acknowledged or refused with a 4xx.
/// </summary>
internal static class Resend
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(40);

    /// <summary>The first acknowledged (2xx) or refused (4xx) answer; how many sends it took.</summary>
    public static async Task<(HttpResponseMessage Response, int Attempts)> UntilAnsweredAsync(
        HttpClient client, Func<HttpRequestMessage> request, string what)
    {
        var attempts = 0;
        var response = await Eventually.HoldsAsync(
            async () =>
            {
                attempts++;
                HttpResponseMessage answer;
                try
                {
                    answer = await client.SendAsync(request()).WaitAsync(AttemptTimeout);
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    // The connection or the cluster failed mid-request: whether it was stored is unknown, so resend.
                    return null;
                }

                // A failing-over cluster is the only server-side failure the web host answers, and it says when to come back.
                if ((int)answer.StatusCode >= 500)
                {
                    Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, answer.StatusCode);
                    Assert.NotNull(answer.Headers.RetryAfter);
                }

                return answer;
            },
            r => r is not null && (int)r.StatusCode < 500,
            ClusterFixture.Recovery,
            what);
        return (response!, attempts);
    }

    public static Task<(HttpResponseMessage Response, int Attempts)> PostUntilAnsweredAsync(HttpClient client, string path, object body, string what) =>
        UntilAnsweredAsync(client, () => new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) }, what);
}
