using System.Text.Json;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// The bad-input corpus against every write endpoint that takes a body, as a caller with full rights: every answer is
/// a 4xx with problem details (never a 5xx, never a dropped connection) and changes nothing, except a printable naughty
/// string in a free-text field, which may be stored when it reads back exactly as sent.
/// </summary>
[Collection(SecurityDistrictCollection.Name)]
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
}
