using System.Net;
using System.Text.Json;

namespace Lianxin.WebHost.Tests;

/// <summary>Checks that a refusal is an RFC 9457 problem details answer with the expected status.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>A validation problem whose errors name <paramref name="field"/>.</summary>
    public static async Task HasFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(
            problem.GetProperty("errors").TryGetProperty(field, out _),
            $"expected an error for '{field}' in {problem}");
    }
}
