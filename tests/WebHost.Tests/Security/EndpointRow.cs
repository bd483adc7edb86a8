using System.Net.Http.Json;
using System.Text.Json;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>How an endpoint is reached: openly, with a bearer token, with a kiosk device key, or as the live hub.</summary>
public enum Access
{
    Public,
    Bearer,
    Kiosk,
    Hub,
}

/// <summary>
/// One row of the authorization matrix: an endpoint (as the host's route table names it), how to build a request for a
/// target in region 1, which callers may make it (everyone else must be refused), and for writes how to read back what
/// the request would change.
/// </summary>
public sealed record EndpointRow(string Method, string Route, Access Access)
{
    /// <summary>Distinguishes a second row of the same endpoint (another target or body).</summary>
    public string Variant { get; init; } = "";

    public Func<SecurityDistrict, string> Path { get; init; } = _ => "/";

    public Func<SecurityDistrict, object?>? Body { get; init; }

    /// <summary>Callers the request is allowed for; every other caller must be refused.</summary>
    public IReadOnlyList<CallerSpec> Allowed { get; init; } = [];

    /// <summary>What the request would change, read as a string that must be the same before and after a refusal.</summary>
    public Func<SecurityDistrict, Task<string>>? Probe { get; init; }

    /// <summary>Why a public endpoint is public.</summary>
    public string? Why { get; init; }

    public string EndpointKey => $"{Method} {Route}";

    public string Key => Variant.Length == 0 ? EndpointKey : $"{EndpointKey} ({Variant})";

    public HttpMethod HttpMethod => new(Method);

    public bool Writes => Method != "GET";

    public override string ToString() => Key;

    /// <summary>A read as the operator of region 1: the status and the JSON (or one property of it).</summary>
    public static Func<SecurityDistrict, Task<string>> Reads(Func<SecurityDistrict, string> path, string? property = null) => async d =>
    {
        var response = await d.Send(Callers.Operator, HttpMethod.Get, path(d));
        if (!response.IsSuccessStatusCode)
        {
            // A problem's trace id differs per request: the status is what counts.
            return $"{(int)response.StatusCode}";
        }

        if (property is null)
        {
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return $"{(int)response.StatusCode} {json.GetProperty(property).GetRawText()}";
    };
}
