using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using static Lianxin.WebHost.Tests.Activities.ActivityHost;

namespace Lianxin.WebHost.Tests.Activities;

/// <summary>A flash crowd on PostgreSQL: never more confirmed than places, fair by arrival, and the same after a restart.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class ActivityDurabilityTests
{
    private const int Places = 10;
    private const int Waitlist = 5;
    private const int People = 120;

    [Fact]
    public async Task FlashCrowdConfirmsExactlyThePlacesInArrivalOrderAndTheSameAnswersHoldAfterAHostRestart()
    {
        var database = await TestDatabase.CreateAsync();
        var people = Enumerable.Range(0, People).Select(i => $"fc-{i:D3}").ToList();
        Dictionary<string, JsonElement> answers;
        await using (var first = new LianxinWebFactory(database))
        {
            var op = first.ClientAs(Role.Operator, "fc");
            await OkAsync(await op.PostAsJsonAsync("/api/v1/centers", Registry.Requests.Center("fc", "district", null)));
            await OkAsync(await op.PostAsJsonAsync("/api/v1/centers/fc/activities", ActivityRequest("fc-act", Places, waitlistLimit: Waitlist)));

            var sent = await Task.WhenAll(people.Select(async p => (p, await SignUpAsync(first, "fc-act", p, $"{p}-key"))));
            answers = [];
            foreach (var (person, response) in sent)
            {
                await OkAsync(response);
                answers[person] = await response.Content.ReadFromJsonAsync<JsonElement>();
            }
        }

        await using var second = new LianxinWebFactory(database);
        var places = await second.ClientAs(Role.Operator, "fc").GetFromJsonAsync<JsonElement>("/api/v1/activities/fc-act/sign-ups");
        var resent = new Dictionary<string, JsonElement>();
        foreach (var person in people)
        {
            var response = await SignUpAsync(second, "fc-act", person, $"{person}-key");
            await OkAsync(response);
            resent[person] = await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var byArrival = answers.Values.OrderBy(a => a.GetProperty("arrival").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, People).Select(i => (long)i), byArrival.Select(a => a.GetProperty("arrival").GetInt64()));
        Assert.Equal(
            [.. Enumerable.Repeat("confirmed", Places), .. Enumerable.Repeat("waitlisted", Waitlist), .. Enumerable.Repeat("full", People - Places - Waitlist)],
            byArrival.Select(a => a.GetProperty("outcome").GetString()));
        Assert.Equal(Enumerable.Range(1, Waitlist), byArrival.Skip(Places).Take(Waitlist).Select(a => a.GetProperty("position").GetInt32()));
        var confirmed = answers.Where(a => a.Value.GetProperty("outcome").GetString() == "confirmed").Select(a => a.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            confirmed,
            places.EnumerateArray().Where(p => p.GetProperty("status").GetString() == "confirmed").Select(p => p.GetProperty("personId").GetString()!).Order(StringComparer.Ordinal));
        foreach (var person in people)
        {
            Assert.Equal(
                (answers[person].GetProperty("outcome").GetString(), answers[person].GetProperty("arrival").GetInt64()),
                (resent[person].GetProperty("outcome").GetString(), resent[person].GetProperty("arrival").GetInt64()));
            Assert.True(resent[person].GetProperty("repeated").GetBoolean());
        }
    }
}
