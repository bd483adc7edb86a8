using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Lianxin.WebHost.Tests.Governance;

/// <summary>Reads API answers as JSON documents, so tests check the wire format itself.</summary>
internal static class GovernanceJson
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path).WaitAsync(GovernanceWebFactory.Deadline);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(GovernanceWebFactory.Deadline);
    }

    public static async Task<HttpStatusCode> StatusOfAsync(this HttpClient client, string path) =>
        (await client.GetAsync(path).WaitAsync(GovernanceWebFactory.Deadline)).StatusCode;

    public static JsonElement Find(this JsonElement array, string property, string value) =>
        array.EnumerateArray().Single(e => e.GetProperty(property).GetString() == value);
}
