using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>The audit API as an auditor reads it: entries by subject, actor and time window, newest first.</summary>
internal static class AuditQuery
{
    public static async Task<List<JsonElement>> EntriesAsync(HttpClient auditor, string? subject = null, string? actor = null, DateTimeOffset? from = null)
    {
        var query = new List<string>();
        if (subject is not null)
        {
            query.Add($"subject={Uri.EscapeDataString(subject)}");
        }

        if (actor is not null)
        {
            query.Add($"actor={Uri.EscapeDataString(actor)}");
        }

        if (from is { } at)
        {
            query.Add($"from={Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture))}");
        }

        var response = await auditor.GetAsync($"/api/v1/audit?{string.Join('&', query)}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    public static IEnumerable<string?> Actions(IEnumerable<JsonElement> entries) => entries.Select(e => e.GetProperty("action").GetString());

    public static string? Get(JsonElement entry, string property) =>
        entry.GetProperty(property).ValueKind == JsonValueKind.Null ? null : entry.GetProperty(property).GetString();
}
