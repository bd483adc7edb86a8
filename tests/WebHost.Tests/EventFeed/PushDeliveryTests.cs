using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.EventFeed;
using Lianxin.TestSupport;

namespace Lianxin.WebHost.Tests.EventFeed;

/// <summary>
/// Push delivery to a real HTTP receiver that fails, times out and recovers: every event of the region arrives, signed,
/// in cursor order per source, none of another region's; an event that uses up its retry budget is a dead letter that
/// holds back what follows until an operator resumes.
/// </summary>
[Collection(EventFeedHostCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class PushDeliveryTests(EventFeedHost feed)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EventsReachAReceiverThatFailsTimesOutAndRecoversWithNothingLostOrOutOfOrderPerSource()
    {
        await using var receiver = await EventReceiver.StartAsync();
        // Two failures, then two hangs past the timeout, then every seventh request fails (the quick retry covers it).
        receiver.Script = n => n switch { <= 2 => Answer.Fail, <= 4 => Answer.Hang, _ when n % 7 == 0 => Answer.Fail, _ => Answer.Accept };
        var secret = await feed.SubscribeAsync("sub-recovers", receiver);
        var published = new List<FeedEvent>();

        for (var batch = 0; batch < 6; batch++)
        {
            var events = EventFeedHost.Events("rec", batch * 20, 20, sources: 4);
            await feed.PublishAsync([.. events, .. EventFeedHost.Events("rec-other", batch * 5, 5, 2, EventFeedHost.OtherCenter)]);
            published.AddRange(events);
        }

        await Eventually.HoldsAsync(
            () => Task.FromResult(receiver.Accepted.Select(r => r.Id).ToHashSet()), ids => ids.Count >= published.Count, Deadline, "every event accepted");
        var accepted = receiver.Accepted.ToList();
        Assert.Equal(published.Select(e => e.Id).Order(), accepted.Select(r => r.Id).Distinct().Order());
        foreach (var source in published.GroupBy(e => e.Source))
        {
            var delivered = accepted.Where(r => r.Source == source.Key).Select(r => r.Id).Distinct().ToList();
            Assert.Equal(source.Select(e => e.Id), delivered);
            var sequences = accepted.Where(r => r.Source == source.Key).Select(r => r.Sequence).ToList();
            Assert.Equal(sequences.Order(), sequences);
        }

        Assert.All(receiver.Receipts, r => Assert.True(EventSignature.Verify(secret, r.Signature!, r.Body), $"request {r.Number} is not signed with the secret"));
        Assert.Contains(receiver.Receipts, r => r.Answer == Answer.Fail);
        Assert.Contains(receiver.Receipts, r => r.Answer == Answer.Hang);
        var view = await ViewAsync("sub-recovers");
        Assert.Equal("active", view.GetProperty("phase").GetString());
        Assert.Equal(0, view.GetProperty("deadLetters").GetArrayLength());
    }

    [Fact]
    public async Task AnEventThatUsesUpItsRetryBudgetIsADeadLetterAndResumingDeliversItBeforeWhatFollows()
    {
        await using var receiver = await EventReceiver.StartAsync();
        receiver.Script = _ => Answer.Fail;
        await feed.SubscribeAsync("sub-dead", receiver);
        var events = EventFeedHost.Events("dead", 0, 10, sources: 2);
        await feed.PublishAsync(events);

        var suspended = await Eventually.HoldsAsync(() => ViewAsync("sub-dead"), v => v.GetProperty("phase").GetString() == "suspended", Deadline, "suspended");
        var dead = (await feed.Operator.GetFromJsonAsync<JsonElement>("/api/v1/event-subscriptions/sub-dead/dead-letters")).EnumerateArray().Single();
        Assert.Equal(events[0].Id, dead.GetProperty("eventId").GetString());
        Assert.Equal(EventFeedHost.Budget, dead.GetProperty("attempts").GetInt32());
        Assert.Contains("500", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, suspended.GetProperty("delivered").GetInt64());
        Assert.DoesNotContain(receiver.Receipts, r => r.Id != events[0].Id);

        receiver.Script = _ => Answer.Accept;
        (await feed.Operator.PostAsync("/api/v1/event-subscriptions/sub-dead/resume", null)).EnsureSuccessStatusCode();

        await Eventually.HoldsAsync(() => ViewAsync("sub-dead"), v => v.GetProperty("delivered").GetInt64() == events.Count, Deadline, "all delivered after resume");
        Assert.Equal(events.Select(e => e.Id), receiver.Accepted.Select(r => r.Id));
        var resumed = (await ViewAsync("sub-dead")).GetProperty("deadLetters")[0];
        Assert.Equal(JsonValueKind.String, resumed.GetProperty("resumedAt").ValueKind);
    }

    private async Task<JsonElement> ViewAsync(string id) => await feed.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/event-subscriptions/{id}");
}
