using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Activities;
using Lianxin.Live;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using static Lianxin.WebHost.Tests.Activities.ActivityHost;

namespace Lianxin.WebHost.Tests.Activities;

/// <summary>Activities over HTTP on PostgreSQL: publish, sign up, waitlist and offers, check-in, cancellation, the party rule.</summary>
[Collection(ActivityHostCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class ActivityApiTests(ActivityHost fixture)
{
    [Fact]
    public async Task FreedPlaceIsOfferedToTheFirstWaitingWhoConfirmsAndStaffCheckPeopleIn()
    {
        var host = fixture.Host;
        var published = await fixture.PublishAsync(ActivityRequest("ev-taiji", capacity: 1, waitlistLimit: 2));
        var id = published.GetProperty("definition").GetProperty("id").GetString()!;

        var first = await AnswerAsync(await SignUpAsync(host, id, "ev-a", "a-1"));
        var second = await AnswerAsync(await SignUpAsync(host, id, "ev-b", "b-1"));
        var resent = await AnswerAsync(await SignUpAsync(host, id, "ev-b", "b-1"));
        await OkAsync(await host.ClientAs(Role.Volunteer, "ev-a").PostAsync($"/api/v1/activities/{id}/sign-ups/ev-a/cancel", null));
        var offered = await host.ClientAs(Role.Volunteer, "ev-b").GetFromJsonAsync<JsonElement>($"/api/v1/activities/{id}/sign-ups/ev-b");
        var notice = await Eventually.HoldsAsync(
            () => host.Grains.GetGrain<ILiveFeedGrain>(LiveScope.Volunteer("ev-b")).GetSnapshotAsync(), s => s.Items.ContainsKey($"activity:{id}"), what: "offer on the person's feed");
        var confirmed = await host.ClientAs(Role.Volunteer, "ev-b").PostAsync($"/api/v1/activities/{id}/sign-ups/ev-b/confirm", null);
        var checkedIn = await fixture.Staff.PostAsync($"/api/v1/activities/{id}/sign-ups/ev-b/check-in", null);
        var view = await fixture.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{id}");
        var list = await host.ClientAs(Role.Volunteer, "ev-z").GetFromJsonAsync<JsonElement>($"/api/v1/centers/{Center}/activities");

        Assert.Equal("confirmed", first.GetProperty("outcome").GetString());
        Assert.Equal(("waitlisted", 1), (second.GetProperty("outcome").GetString(), second.GetProperty("position").GetInt32()));
        Assert.True(resent.GetProperty("repeated").GetBoolean());
        Assert.Equal(second.GetProperty("arrival").GetInt64(), resent.GetProperty("arrival").GetInt64());
        Assert.Equal("offered", offered.GetProperty("status").GetString());
        Assert.Equal(ActivityNoticeKind.PlaceOffered, Assert.IsType<ActivityNotice>(notice.Items[$"activity:{id}"]).Kind);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("attended", (await checkedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal((1, 0, 0), (view.GetProperty("attended").GetInt32(), view.GetProperty("waitlisted").GetInt32(), view.GetProperty("placesLeft").GetInt32()));
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("id").GetString() == id);
        var audit = await host.ClientAs(Role.Operator, District).GetFromJsonAsync<JsonElement>($"/api/v1/audit?subject=activity:{id}");
        Assert.Equal(["activity.checkedIn", "activity.published"], audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PartyBuildingActivityRefusesANonMemberWithTheReasonAndTakesNoPlace()
    {
        var host = fixture.Host;
        await fixture.PublishAsync(ActivityRequest("ev-party", capacity: 3, function: "partyBuilding"));

        var refused = await SignUpAsync(host, "ev-party", NonMember, "p-1");
        var member = await AnswerAsync(await SignUpAsync(host, "ev-party", Member, "m-1"));
        var places = await fixture.Staff.GetFromJsonAsync<JsonElement>("/api/v1/activities/ev-party/sign-ups");

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains("党务工作不外包", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("refused", problem.GetProperty("outcome").GetString());
        Assert.Equal("confirmed", member.GetProperty("outcome").GetString());
        Assert.Equal([Member], places.EnumerateArray().Select(p => p.GetProperty("personId").GetString()));
    }

    [Fact]
    public async Task CancellingTheActivityTellsEveryoneSignedUpAndClosesSignUp()
    {
        var host = fixture.Host;
        await fixture.PublishAsync(ActivityRequest("ev-cancel", capacity: 1));
        await AnswerAsync(await SignUpAsync(host, "ev-cancel", "ev-c-1", "k"));
        await AnswerAsync(await SignUpAsync(host, "ev-cancel", "ev-c-2", "k"));

        var cancelled = await fixture.Staff.PostAsJsonAsync("/api/v1/activities/ev-cancel/cancel", new { reason = "台风预警，活动取消" });
        var late = await SignUpAsync(host, "ev-cancel", "ev-c-3", "k");

        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phase").GetString());
        foreach (var person in new[] { "ev-c-1", "ev-c-2" })
        {
            var feed = await Eventually.HoldsAsync(
                () => host.Grains.GetGrain<ILiveFeedGrain>(LiveScope.Volunteer(person)).GetSnapshotAsync(),
                s => s.Items.TryGetValue("activity:ev-cancel", out var item) && item is ActivityNotice { Kind: ActivityNoticeKind.ActivityCancelled },
                what: $"cancellation on {person}'s feed");
            Assert.Equal("台风预警，活动取消", ((ActivityNotice)feed.Items["activity:ev-cancel"]).Reason);
        }

        Assert.Equal("closed", (await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Conflict)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task BadInputIsRefusedWithProblemDetailsAndOtherPeopleCannotActForSomeone()
    {
        var host = fixture.Host;
        await fixture.PublishAsync(ActivityRequest("ev-bad", capacity: 2));
        await OkAsync(await SignUpAsync(host, "ev-bad", "ev-k", "k"));
        using var noKey = new HttpRequestMessage(HttpMethod.Post, "/api/v1/activities/ev-bad/sign-ups") { Content = JsonContent.Create(new { personId = "ev-k" }) };

        var missingKey = await host.ClientAs(Role.Volunteer, "ev-k").SendAsync(noKey);
        var backwards = await fixture.Staff.PostAsJsonAsync($"/api/v1/centers/{Center}/activities", new
        {
            title = "倒序", function = "volunteerService", startsAt = DateTimeOffset.UtcNow.AddDays(2), endsAt = DateTimeOffset.UtcNow.AddDays(1), room = "1", capacity = 5,
        });
        var forSomeoneElse = await host.ClientAs(Role.Volunteer, "ev-other").PostAsync("/api/v1/activities/ev-bad/sign-ups/ev-k/cancel", null);
        var unknown = await SignUpAsync(host, "ev-none", "ev-k", "k");

        await ProblemAssert.HasFieldErrorAsync(missingKey, "Idempotency-Key");
        await ProblemAssert.HasFieldErrorAsync(backwards, "endsAt");
        await ProblemAssert.IsProblemAsync(forSomeoneElse, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal("confirmed", (await host.ClientAs(Role.Volunteer, "ev-k").GetFromJsonAsync<JsonElement>("/api/v1/activities/ev-bad/sign-ups/ev-k")).GetProperty("status").GetString());
    }

    private static async Task<JsonElement> AnswerAsync(HttpResponseMessage response)
    {
        await OkAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
