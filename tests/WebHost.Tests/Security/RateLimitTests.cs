using System.Net;
using System.Net.Http.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Tests.Kiosks;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Rate limits from configuration, on a host whose limits are tiny and whose window is an hour (so nothing refills
/// during the test): each kiosk and each caller has its own allowance.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int KioskPermits = 3;
    private const int UserPermits = 8;
    private LianxinWebFactory _host = null!;

    public async Task InitializeAsync() => _host = await KioskHost.StartAsync(settings: new()
    {
        ["Limits:Window"] = "40.00:00:00", // windows are numbered from the epoch: this one never turns during a test
        ["Limits:KioskPermitLimit"] = KioskPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:UserPermitLimit"] = UserPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:MaxKioskBatchEvents"] = "2",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AKioskOverItsLimitIsRefusedWithRetryAfterWhileAnotherKioskIsNot()
    {
        var (first, firstId, _, _) = await _host.KioskAsync();
        var (second, secondId, _, _) = await _host.KioskAsync();

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < KioskPermits; i++)
        {
            allowed.Add((await Heartbeat(first, firstId)).StatusCode);
        }

        var refused = await Heartbeat(first, firstId);
        var other = await Heartbeat(second, secondId);

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.OK, s));
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task ACallerOverTheirLimitIsRefusedWithRetryAfterWhileAnotherCallerIsNot()
    {
        var busy = await _host.StaffAsync($"u-{Guid.NewGuid():N}"[..10]);
        var calm = await _host.StaffAsync($"u-{Guid.NewGuid():N}"[..10]);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < UserPermits; i++)
        {
            answers.Add((await busy.GetAsync("/api/v1/emergencies")).StatusCode);
        }

        var refused = await busy.GetAsync("/api/v1/emergencies");
        var other = await calm.GetAsync("/api/v1/emergencies");

        Assert.All(answers, s => Assert.Equal(HttpStatusCode.OK, s));
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task TheKioskBatchLimitComesFromConfiguration()
    {
        var (kiosk, kioskId, _, _) = await _host.KioskAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);

        var tooMany = await kiosk.PostAsJsonAsync($"/api/v1/kiosks/{kioskId}/events", new { events = new[] { Wire.CheckIn("p-1", at), Wire.CheckIn("p-2", at), Wire.CheckIn("p-3", at) } });
        var enough = await kiosk.PostAsJsonAsync($"/api/v1/kiosks/{kioskId}/events", new { events = new[] { Wire.CheckIn("p-1", at), Wire.CheckIn("p-2", at) } });

        await ProblemAssert.HasFieldErrorAsync(tooMany, "events");
        Assert.Equal(HttpStatusCode.OK, enough.StatusCode);
    }

    private static Task<HttpResponseMessage> Heartbeat(HttpClient kiosk, string kioskId) =>
        kiosk.PostAsJsonAsync($"/api/v1/kiosks/{kioskId}/heartbeat", new { appVersion = "1.0", peripherals = new Dictionary<string, string> { ["printer"] = "ok" } });
}
