using System.Net.Http.Json;
using Lianxin.EventFeed;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.WebHost.Tests.EventFeed;

/// <summary>
/// A web host on a fresh PostgreSQL database with push delivery tuned to fail fast (one quick retry, a one-second
/// attempt timeout, short backoffs, a budget of five deliveries per event), and two regions, <c>ef</c> and <c>eg</c>,
/// with a center each.
/// </summary>
public sealed class EventFeedHost : IAsyncLifetime
{
    public const string Region = "ef";
    public const string Center = "ef-c";
    public const string OtherRegion = "eg";
    public const string OtherCenter = "eg-c";
    public const int Budget = 5;

    public LianxinWebFactory Host { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = new LianxinWebFactory(await TestDatabase.CreateAsync(), settings: new Dictionary<string, string>
        {
            ["EventFeed:Retries"] = "1",
            ["EventFeed:RetryDelay"] = "00:00:00.050",
            ["EventFeed:Timeout"] = "00:00:01",
            ["EventFeed:Backoff"] = "00:00:00.100",
            ["EventFeed:MaxBackoff"] = "00:00:00.400",
            ["EventFeed:RetryBudget"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EventFeed:PollInterval"] = "00:00:00.050",
            ["EventFeed:PageSize"] = "25",
        });
        Operator = Host.ClientAs(Role.Operator, Region);
        var other = Host.ClientAs(Role.Operator, OtherRegion);
        (await Operator.PostAsJsonAsync("/api/v1/centers", Requests.Center(Region, "district", null))).EnsureSuccessStatusCode();
        (await Operator.PostAsJsonAsync("/api/v1/centers", Requests.Center(Center, "community", Region))).EnsureSuccessStatusCode();
        (await other.PostAsJsonAsync("/api/v1/centers", Requests.Center(OtherRegion, "district", null))).EnsureSuccessStatusCode();
        (await other.PostAsJsonAsync("/api/v1/centers", Requests.Center(OtherCenter, "community", OtherRegion))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Publishes through the silo's feed, as the actors do.</summary>
    public Task PublishAsync(IReadOnlyList<FeedEvent> events) => Host.Services.GetRequiredService<IEventFeed>().PublishAsync(events);

    /// <summary>Subscribes the receiver to the region's events from now on; answers the signing secret.</summary>
    public async Task<string> SubscribeAsync(string id, EventReceiver receiver)
    {
        var response = await Operator.PostAsJsonAsync("/api/v1/event-subscriptions", new { id, url = receiver.Url, regionId = Region });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return created.GetProperty("secret").GetString()!;
    }

    /// <summary>Events of a few sources, interleaved: <c>{prefix}-{n}</c> of source <c>/test/{prefix}/s{n % sources}</c>.</summary>
    public static IReadOnlyList<FeedEvent> Events(string prefix, int from, int count, int sources, string center = Center) =>
    [
        .. Enumerable.Range(from, count).Select(n => new FeedEvent(
            $"{prefix}-{n}", "cn.lianxin.test", $"/test/{prefix}/s{n % sources}", null, DateTimeOffset.UtcNow, center, $$"""{"n":{{n}}}""")),
    ];
}

[CollectionDefinition(Name)]
public sealed class EventFeedHostCollection : ICollectionFixture<EventFeedHost>
{
    public const string Name = "Event feed host";
}
