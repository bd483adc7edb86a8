using System.Text.Json;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// The bad-input corpus against every write endpoint that takes a body, as a caller with full rights: every answer is
/// a 4xx with problem details (never a 5xx, never a dropped connection) and changes nothing, except a printable naughty
/// string in a free-text field, which may be stored when it reads back exactly as sent.
/// </summary>
[Collection(SecurityDistrictCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class BadInputTests(SecurityDistrict district)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in BadInputTargets.All)
        {
            foreach (var bad in BadInputCorpus.For(target))
            {
                data.Add(target.Row.Key, bad.Name);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task BadInputIsAnsweredWithProblemDetailsAndChangesNothing(string endpoint, string input)
    {
        var target = BadInputTargets.Named(endpoint);
        var bad = BadInputCorpus.For(target).Single(c => c.Name == input);
        var row = target.Row;
        var before = await row.Probe!(district);

        var response = await district.Send(target.Caller, row.HttpMethod, row.Path(district), rawBody: bad.Body(district, target), contentType: bad.ContentType);

        var answer = await response.Content.ReadAsStringAsync();
        if (bad.AcceptedIfStoredExactly is { } accepted && response.IsSuccessStatusCode)
        {
            Assert.Equal(accepted.Value, await accepted.Field.ReadBack!(district));
            return;
        }

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{endpoint} with {input}: {(int)response.StatusCode} {answer[..Math.Min(answer.Length, 500)]}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{endpoint} with {input}: {response.Content.Headers.ContentType} {answer[..Math.Min(answer.Length, 200)]}");
        if (bad.ErrorField is { } field)
        {
            var errors = JsonDocument.Parse(answer).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"{endpoint} with {input}: expected an error for '{field}' in {answer}");
        }

        Assert.Equal(before, await row.Probe(district));
    }

    /// <summary>Ids in the path that no actor has: a control character, one far past any limit, an emoji. (A NUL never gets past the HTTP server.)</summary>
    private static readonly Dictionary<string, string> BadIds = new()
    {
        ["bell character"] = "a%07b",
        ["2,000 characters"] = new string('a', 2000),
        ["emoji"] = "%F0%9F%8F%A0",
    };

    public static TheoryData<string, string> BadPathIds()
    {
        var data = new TheoryData<string, string>();
        // Orleans' own dashboard under /cluster/ takes silo addresses and file paths, not the product's ids: its refusals
        // are covered by the authorization matrix and the dashboard's own tests.
        foreach (var row in EndpointMatrix.Rows.Where(r => r.Access is Access.Bearer or Access.Kiosk && r.Route.Contains('{', StringComparison.Ordinal)
                     && !r.Route.StartsWith("/cluster/", StringComparison.Ordinal)))
        {
            foreach (var id in BadIds.Keys)
            {
                data.Add(row.Key, id);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(BadPathIds))]
    public async Task BadIdInThePathIsAnsweredWithProblemDetails(string endpoint, string id)
    {
        var row = EndpointMatrix.Row(endpoint);
        var path = row.Path(district);
        var known = new[] { district.GridEmergency, district.RegionEmergency, district.HelpRequest, district.PendingHours, SecurityDistrict.ProposalRegion1, SecurityDistrict.ScenarioGridA1, SecurityDistrict.ScenarioRegion1,
            SecurityDistrict.VolunteerA1, SecurityDistrict.GridA1, SecurityDistrict.KioskA, SecurityDistrict.CenterA, SecurityDistrict.Region1,
            SecurityDistrict.SubscriptionRegion1, SecurityDistrict.ProviderRegion1 };
        var target = known.First(k => path.Contains($"/{k}", StringComparison.Ordinal));
        var at = path.IndexOf($"/{target}", StringComparison.Ordinal) + 1;
        var bad = string.Concat(path.AsSpan(0, at), BadIds[id], path.AsSpan(at + target.Length));
        var caller = row.Access == Access.Kiosk ? Callers.KioskAKey : Callers.Operator;

        var response = await district.Send(caller, row.HttpMethod, bad, row.Body?.Invoke(district));

        var answer = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{row.Method} {bad[..Math.Min(bad.Length, 120)]}: {(int)response.StatusCode} {answer[..Math.Min(answer.Length, 300)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
