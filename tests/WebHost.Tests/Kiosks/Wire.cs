using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Lianxin.WebHost.Tests.Kiosks;

/// <summary>Kiosk protocol v1 as a test speaks it: events as JSON objects, answers read back.</summary>
public static class Wire
{
    public static Dictionary<string, object?> CheckIn(string person, DateTimeOffset at, string role = "visitor", string? purpose = "convenienceServices") =>
        Event("checkIn", at, new() { ["personId"] = person, ["role"] = role, ["purpose"] = role == "visitor" ? purpose : null });

    public static Dictionary<string, object?> CheckOut(string person, DateTimeOffset at) => Event("checkOut", at, new() { ["personId"] = person });

    public static Dictionary<string, object?> Event(string type, DateTimeOffset at, Dictionary<string, object?>? fields = null)
    {
        // PostgreSQL keeps microseconds: events carry whole milliseconds so what comes back compares equal.
        at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var e = new Dictionary<string, object?> { ["eventId"] = Guid.NewGuid().ToString(), ["occurredAt"] = at.ToString("O"), ["type"] = type };
        foreach (var (key, value) in fields ?? [])
        {
            if (value is not null)
            {
                e[key] = value;
            }
        }

        return e;
    }

    public static async Task<BatchAnswer> PostAsync(HttpClient kiosk, string kioskId, params IEnumerable<Dictionary<string, object?>> events)
    {
        var response = await kiosk.PostAsJsonAsync($"/api/v1/kiosks/{kioskId}/events", new { events });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BatchAnswer>(JsonSerializerOptions.Web))!;
    }

    public static async Task<JsonElement> GetAsync(HttpClient staff, string path)
    {
        var response = await staff.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<long> JournalRowsAsync(string connectionString, string kioskId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM lianxin_journal WHERE stream = @s", connection);
        command.Parameters.AddWithValue("s", $"kiosk:{kioskId}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public sealed record BatchAnswer(IReadOnlyList<EventAnswer> Results, int Accepted, int Duplicates, int Rejected);

    public sealed record EventAnswer(Guid EventId, string Status, string? Reason);
}
