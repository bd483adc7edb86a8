namespace Lianxin.Bench.Harness;

/// <summary>
/// The product under test does not have what a scenario measures yet (an endpoint answers 404): the run reports the
/// figure as not measured in this build, and does not fail.
/// </summary>
internal sealed class FeatureMissingException(string message) : Exception(message)
{
    /// <summary>Throws unless <paramref name="path"/> exists on the host (any answer but 404).</summary>
    public static async Task ThrowUnlessPresentAsync(Uri host, HttpMethod method, string path, string feature)
    {
        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.SendAsync(new HttpRequestMessage(method, path));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new FeatureMissingException($"{feature} is not in this build ({method} {path} answers 404).");
        }
    }
}
