using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Kiosks;
using Lianxin.Shifts;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Activities;
using static Lianxin.WebHost.Tests.Activities.ActivityHost;

namespace Lianxin.WebHost.Tests.Shifts;

/// <summary>Shifts over HTTP on PostgreSQL: staff define a watch, people take places up to the maximum, and every change is audited.</summary>
[Trait("Needs", "PostgreSQL")]
[Collection(ActivityHostCollection.Name)]
public sealed class ShiftApiTests(ActivityHost host)
{
    [Fact]
    public async Task PeopleOfTheCenterTakePlacesUpToTheMaximumOnceEachAndEveryChangeIsAudited()
    {
        var shift = new
        {
            id = "api-watch",
            title = "自助服务间晚间值守",
            days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" },
            starts = "18:00",
            ends = "22:00",
            minPeople = 1,
            maxPeople = 1,
        };
        await OkAsync(await host.Staff.PostAsJsonAsync($"/api/v1/centers/{Center}/shifts", shift));
        var again = await host.Staff.PostAsJsonAsync($"/api/v1/centers/{Center}/shifts", shift);
        var occurrence = ShiftRecurrence.OccurrenceId("api-watch", new LocalCalendar(new KioskOptions().Zone).Day(DateTimeOffset.UtcNow).AddDays(2));
        var signUps = $"/api/v1/centers/{Center}/shifts/occurrences/{occurrence}/sign-ups";

        var first = await SignUpAsync(Member, "k-1");
        var resent = await SignUpAsync(Member, "k-1");
        var full = await SignUpAsync(NonMember, "k-2");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(("confirmed", false), await AnswerAsync(first));
        Assert.Equal(("confirmed", true), await AnswerAsync(resent));
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Equal("full", (await full.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        var mine = await host.Host.ClientAs(Role.Volunteer, Member).GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/{Member}/shifts");
        Assert.Contains(occurrence, mine.GetProperty("mine").EnumerateArray().Select(l => l.GetProperty("occurrenceId").GetString()));
        var audit = await host.Host.ClientAs(Role.Operator, District).GetFromJsonAsync<JsonElement>($"/api/v1/audit?subject=shift:{Center}/{occurrence}");
        Assert.Equal(["shift.signedUp"], audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()));

        async Task<HttpResponseMessage> SignUpAsync(string person, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, signUps) { Content = JsonContent.Create(new { personId = person }) };
            request.Headers.Add("Idempotency-Key", key);
            return await host.Host.ClientAs(Role.Volunteer, person).SendAsync(request);
        }
    }

    private static async Task<(string?, bool)> AnswerAsync(HttpResponseMessage response)
    {
        await OkAsync(response);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (answer.GetProperty("outcome").GetString(), answer.GetProperty("repeated").GetBoolean());
    }
}
