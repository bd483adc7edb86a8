using System.Net.Http.Json;
using Lianxin.EventFeed;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.WebHost.Tests.EventFeed;

/// <summary>
/// The subscriber's cursor is durable: a host that stops in the middle of a delivery run is replaced by another on the
/// same database, which resumes from the cursor: every event arrives, in order per source (some twice: at least once).
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class PushRestartTests
{
    [Fact]
    public async Task DeliveryResumesFromTheDurableCursorAfterTheHostIsReplaced()
    {
        var database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string> { ["EventFeed:PollInterval"] = "00:00:00.050", ["EventFeed:PageSize"] = "10" };
        await using var receiver = await EventReceiver.StartAsync();
        // The first host gets thirty events through, then its receiver stops answering until the host is gone.
        receiver.Script = n => n <= 30 ? Answer.Accept : Answer.Hang;
        var events = EventFeedHost.Events("restart", 0, 200, sources: 5, center: "rs-c");
        await using (var first = new LianxinWebFactory(database, settings: settings))
        {
            var client = first.ClientAs(Role.Operator, "rs");
            (await client.PostAsJsonAsync("/api/v1/centers", Requests.Center("rs", "district", null))).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync("/api/v1/centers", Requests.Center("rs-c", "community", "rs"))).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync("/api/v1/event-subscriptions", new { id = "sub-restart", url = receiver.Url, regionId = "rs" })).EnsureSuccessStatusCode();
            await first.Services.GetRequiredService<IEventFeed>().PublishAsync(events);
            await Eventually.HoldsAsync(() => Task.FromResult(receiver.Receipts.Count), n => n > 30, TimeSpan.FromSeconds(30), "the first deliveries");
        }

        var cut = receiver.Accepted.Count();
        receiver.Script = _ => Answer.Accept;
        await using var second = new LianxinWebFactory(database, settings: settings);
        _ = second.Server;

        await Eventually.HoldsAsync(
            () => Task.FromResult(receiver.Accepted.Select(r => r.Id).Distinct().Count()), n => n == events.Count, TimeSpan.FromSeconds(60), "every event after the restart");
        Assert.True(cut < events.Count, "the first host delivered everything before it stopped: the restart proved nothing");
        var accepted = receiver.Accepted.ToList();
        foreach (var source in events.GroupBy(e => e.Source))
        {
            Assert.Equal(source.Select(e => e.Id), accepted.Where(r => r.Source == source.Key).Select(r => r.Id).Distinct());
        }
    }
}
