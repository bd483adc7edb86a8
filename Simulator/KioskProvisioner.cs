using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Lianxin.Simulator;

/// <summary>Registers a device key for each kiosk through the API, as center staff would, and returns its Authorization value.</summary>
internal static class KioskProvisioner
{
    public static async Task<Dictionary<string, string>> ProvisionAsync(
        HttpClient http, DistrictFile district, IEnumerable<DistrictFile.Kiosk> kiosks, string? operatorToken, CancellationToken cancellationToken)
    {
        var token = operatorToken ?? await DevTokenAsync(http, district.RootCenterId, cancellationToken);
        var keys = new Dictionary<string, string>();
        foreach (var kiosk in kiosks)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/kiosks/{kiosk.Id}/keys");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var key = await response.Content.ReadFromJsonAsync<KeyAnswer>(cancellationToken);
            keys[kiosk.Id] = key!.Authorization;
        }

        return keys;
    }

    private static async Task<string> DevTokenAsync(HttpClient http, string rootCenterId, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/dev/tokens", new { role = "operator", scopeId = rootCenterId, subject = "kiosk-simulator" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken))!.Token;
    }

    private sealed record KeyAnswer(string Authorization);

    private sealed record TokenAnswer(string Token);
}
