using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.EventFeed;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.WebHost.Tests.EventFeed;

/// <summary>
/// Batch delivery (CloudEvents batched mode) to a real receiver that goes down for a while and comes back: what was
/// published before, during and after the outage arrives in signed batches of at most the subscription's size, in
/// cursor order per source, and a receiver that de-duplicates on the event id holds every event exactly once.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class BatchDeliveryTests
{
    private const int BatchSize = 40;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ABatchSubscriberCatchesUpAfterAnOutageWithEveryEventOnceAndInOrderPerSource()
    {
        // A retry budget no outage of this test can use up, and short backoffs: the outage ends when the test says.
        await using var host = new LianxinWebFactory(await TestDatabase.CreateAsync(), settings: new Dictionary<string, string>
        {
            ["EventFeed:Retries"] = "0",
            ["EventFeed:Backoff"] = "00:00:00.050",
            ["EventFeed:MaxBackoff"] = "00:00:00.200",
            ["EventFeed:RetryBudget"] = "100000",
            ["EventFeed:PollInterval"] = "00:00:00.050",
            ["EventFeed:PageSize"] = "25",
        });
        var client = host.ClientAs(Role.Operator, "bd");
        (await client.PostAsJsonAsync("/api/v1/centers", Requests.Center("bd", "district", null))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/centers", Requests.Center("bd-c", "community", "bd"))).EnsureSuccessStatusCode();
        await using var receiver = await EventReceiver.StartAsync();
        var down = false;
        receiver.Script = _ => Volatile.Read(ref down) ? Answer.Fail : Answer.Accept;
        var created = await client.PostAsJsonAsync("/api/v1/event-subscriptions", new { id = "sub-batch", url = receiver.Url, regionId = "bd", delivery = "batch", batchSize = BatchSize });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        var feed = host.Services.GetRequiredService<IEventFeed>();
        var before = EventFeedHost.Events("batch", 0, 100, sources: 6, center: "bd-c");
        var during = EventFeedHost.Events("batch", 100, 200, sources: 6, center: "bd-c");
        var after = EventFeedHost.Events("batch", 300, 100, sources: 6, center: "bd-c");
        await feed.PublishAsync(before);
        await Eventually.HoldsAsync(() => Task.FromResult(DistinctAccepted(receiver).Count), n => n == before.Count, Deadline, "the events before the outage");

        Volatile.Write(ref down, true);
        await feed.PublishAsync(during);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Receipts.Count(r => r.Answer == Answer.Fail)), n => n >= 3, Deadline, "deliveries refused by the receiver");
        Volatile.Write(ref down, false);
        await feed.PublishAsync(after);

        IReadOnlyList<FeedEvent> published = [.. before, .. during, .. after];
        var stored = await Eventually.HoldsAsync(() => Task.FromResult(DistinctAccepted(receiver)), s => s.Count >= published.Count, Deadline, "every event after the outage");
        Assert.Equal(published.Select(e => e.Id).Order(StringComparer.Ordinal), stored.Select(e => e.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        foreach (var source in published.GroupBy(e => e.Source))
        {
            Assert.Equal(source.Select(e => e.Id), stored.Where(e => e.GetProperty("source").GetString() == source.Key).Select(e => e.GetProperty("id").GetString()));
        }

        Assert.All(receiver.Receipts, r =>
        {
            Assert.StartsWith(CloudEventBatch.MediaType, r.ContentType, StringComparison.Ordinal);
            Assert.InRange(r.Events.Count, 1, BatchSize);
            Assert.True(EventSignature.Verify(secret, r.Signature!, r.Body), $"request {r.Number} is not signed with the secret");
        });
        Assert.Contains(receiver.Receipts, r => r.Events.Count > 1);
        var view = await client.GetFromJsonAsync<JsonElement>("/api/v1/event-subscriptions/sub-batch");
        Assert.Equal("batch", view.GetProperty("definition").GetProperty("mode").GetString());
        Assert.Equal("active", view.GetProperty("phase").GetString());
    }

    /// <summary>What a receiver that de-duplicates on the id keeps: each event's first accepted arrival, in arrival order.</summary>
    private static List<JsonElement> DistinctAccepted(EventReceiver receiver)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. receiver.Accepted.SelectMany(r => r.Events).Where(e => seen.Add(e.GetProperty("id").GetString()!))];
    }
}
