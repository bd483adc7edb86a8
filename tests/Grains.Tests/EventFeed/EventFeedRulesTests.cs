using System.Net;
using System.Text;
using Lianxin.EventFeed;

namespace Lianxin.Grains.Tests.EventFeed;

public sealed class EventFeedRulesTests
{
    [Theory]
    [InlineData("https://141.example.cn/events", false, null)]
    [InlineData("http://141.example.cn/events", false, "https")]
    [InlineData("https://127.0.0.1/events", false, "this machine")]
    [InlineData("https://[::1]/events", false, "this machine")]
    [InlineData("https://localhost:8443/events", false, "this machine")]
    [InlineData("https://10.1.2.3/events", false, "non-public")]
    [InlineData("https://172.16.0.9/events", false, "non-public")]
    [InlineData("https://192.168.1.1/events", false, "non-public")]
    [InlineData("https://169.254.169.254/latest/meta-data", false, "non-public")]
    [InlineData("https://[fd00::1]/events", false, "non-public")]
    [InlineData("https://user:pw@141.example.cn/events", false, "credentials")]
    [InlineData("ftp://141.example.cn/events", false, "https")]
    [InlineData("not a url", false, "absolute")]
    [InlineData("http://127.0.0.1:5000/events", true, null)]
    public void OnlyHttpsToPublicAddressesIsSubscribedOutsideDevelopment(string url, bool allowPrivate, string? refusal)
    {
        var answer = EndpointRules.UrlRefusal(url, allowPrivate);

        if (refusal is null)
        {
            Assert.Null(answer);
        }
        else
        {
            Assert.Contains(refusal, answer, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("fe80::1", false)]
    public void ConnectionsGoOnlyToPublicAddresses(string address, bool isPublic) =>
        Assert.Equal(isPublic, EndpointRules.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void TheSignatureCoversTheBodyAndTheSecret()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"e-1"}""");
        var header = EventSignature.Sign("secret-1", 1_764_900_000, body);

        Assert.StartsWith("t=1764900000,v1=", header, StringComparison.Ordinal);
        Assert.True(EventSignature.Verify("secret-1", header, body));
        Assert.False(EventSignature.Verify("secret-2", header, body));
        Assert.False(EventSignature.Verify("secret-1", header, Encoding.UTF8.GetBytes("""{"id":"e-2"}""")));
        Assert.False(EventSignature.Verify("secret-1", header.Replace("t=1764900000", "t=1764900001", StringComparison.Ordinal), body));
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(4, 800)]
    [InlineData(5, 1000)]
    [InlineData(40, 1000)]
    public void BackoffDoublesUpToItsCap(int failures, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), DeliveryBackoff.After(failures, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)));

    [Fact]
    public async Task AReaderOfAQuietRegionMovesToTheEndAndNeverSeesAnotherRegion()
    {
        var log = new InMemoryOutboundLog();
        await log.AppendAsync([Record("a-1", "/c1/r1/"), Record("b-1", "/c2/r2/"), Record("a-1", "/c1/r1/"), Record("b-2", "/c2/r2/")]);

        var r1 = await log.ReadAsync("r1", 0, 10);
        var r2 = await log.ReadAsync("r2", 0, 1);

        Assert.Equal(["a-1"], r1.Records.Select(r => r.Event.Id));
        Assert.Equal(3, r1.Next);
        Assert.Equal(["b-1"], r2.Records.Select(r => r.Event.Id));
        Assert.Equal(2, r2.Next);
    }

    private static FeedRecord Record(string id, string path) =>
        new(0, new FeedEvent(id, "cn.lianxin.test", $"/test/{id}", null, DateTimeOffset.UnixEpoch, path.Split('/')[1], "{}"), path);
}
