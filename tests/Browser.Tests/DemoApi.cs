using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lianxin.Browser.Tests;

/// <summary>The HTTP API as kiosks, phones and operators speak it, for arranging what the browser then shows.</summary>
public sealed class DemoApi(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = DashboardHost.Deadline };

    public async Task<string> TokenAsync(string role, string scopeId)
    {
        var response = await _http.PostAsJsonAsync("/api/v1/dev/tokens", new { role, scopeId });
        return (await ReadAsync(response)).GetProperty("token").GetString()!;
    }

    /// <summary>A fresh device key for a kiosk, registered by the region's operator: the "Kiosk id.key" credential.</summary>
    public async Task<string> KioskCredentialAsync(string kioskId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/kiosks/{kioskId}/keys");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("operator", "ld"));
        return (await ReadAsync(await _http.SendAsync(request))).GetProperty("authorization").GetString()!;
    }

    /// <summary>Posts one check-in as the kiosk; true when the kiosk was told "accepted".</summary>
    public async Task<bool> CheckInAsync(string kioskCredential, string kioskId, string personId, string purpose = "convenienceServices")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/kiosks/{kioskId}/events")
        {
            Content = JsonContent.Create(new
            {
                events = new[]
                {
                    new { eventId = Guid.NewGuid(), occurredAt = DateTimeOffset.UtcNow.ToString("O"), type = "checkIn", personId, role = "visitor", purpose },
                },
            }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", kioskCredential);
        return (await ReadAsync(await _http.SendAsync(request))).GetProperty("accepted").GetInt32() == 1;
    }

    /// <summary>Launches a drill from a scenario as the district's operator; returns the emergency's id.</summary>
    public async Task<string> LaunchDrillAsync(string scenarioId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/emergencies") { Content = JsonContent.Create(new { scenarioId, mode = "exercise" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("operator", "ld"));
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return (await ReadAsync(await _http.SendAsync(request))).GetProperty("definition").GetProperty("id").GetString()!;
    }

    /// <summary>Launches an emergency spelled out in full (scope, posts, timers) as the district's operator; returns its id.</summary>
    public async Task<string> LaunchAsync(object launch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/emergencies") { Content = JsonContent.Create(launch) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("operator", "ld"));
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return (await ReadAsync(await _http.SendAsync(request))).GetProperty("definition").GetProperty("id").GetString()!;
    }

    /// <summary>Reads as the district's operator.</summary>
    public async Task<JsonElement> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("operator", "ld"));
        return await ReadAsync(await _http.SendAsync(request));
    }

    /// <summary>Posts as the district's operator (end, cancel, level).</summary>
    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("operator", "ld"));
        return await ReadAsync(await _http.SendAsync(request));
    }

    /// <summary>Answers a person's alert of an emergency with their own reply token, as their phone would.</summary>
    public async Task AnswerAsync(string volunteerId, string emergencyId, string status)
    {
        var bearer = await TokenAsync("volunteer", volunteerId);
        // The alert reaches the person shortly after the launch: wait for it with a deadline.
        var token = await TestSupport.Eventually.HoldsAsync(
            async () =>
            {
                using var alerts = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/volunteers/{volunteerId}/alerts");
                alerts.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                return (await ReadAsync(await _http.SendAsync(alerts))).EnumerateArray()
                    .Where(a => a.GetProperty("emergencyId").GetString() == emergencyId && a.GetProperty("token").ValueKind == JsonValueKind.String)
                    .Select(a => a.GetProperty("token").GetString()).FirstOrDefault();
            },
            t => t is not null, DashboardHost.Deadline, $"alert for {volunteerId}");
        await ReadAsync(await _http.PostAsJsonAsync($"/api/v1/emergencies/{emergencyId}/responses", new { token, status, requestId = Guid.NewGuid() }));
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
