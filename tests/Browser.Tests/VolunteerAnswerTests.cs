using Lianxin.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.Browser.Tests;

/// <summary>A person's phone page remembers what they answered and tells them when a post ask expired.</summary>
[Collection(DashboardCollection.Name)]
public sealed class VolunteerAnswerTests(DashboardHost host)
{
    [Fact]
    public async Task TheAnswerIsRememberedAfterAReloadAndMyStatusFollowsIt()
    {
        var drill = await host.Api.LaunchDrillAsync("ld-flood-gangkou");
        var phone = await host.PhoneAsync("v-00011");
        var alert = phone.Locator($"#alerts .alert[data-emergency='{drill}']");

        await Expect(phone.Locator("#grid")).ToHaveTextAsync("港口社区第1网格");
        await Expect(alert.Locator(".text")).ToContainTextAsync("请立即回复并按预案集结");
        await Expect(alert.Locator(".text")).Not.ToContainTextAsync("回复1");
        await Expect(phone.Locator("#status")).ToHaveAttributeAsync("data-status", "mobilized");
        await alert.Locator("button[data-answer=enRoute]").ClickAsync();
        await Expect(alert.Locator(".answered")).ToHaveTextAsync("已回复: 在路上");
        await Expect(phone.Locator("#status")).ToHaveTextAsync("在路上");
        await phone.ReloadAsync();

        await Expect(phone.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(alert.Locator(".answered")).ToHaveTextAsync("已回复: 在路上");
        await Expect(alert.Locator("button.chosen")).ToHaveAttributeAsync("data-answer", "enRoute");
        await Expect(phone.Locator("#status")).ToHaveAttributeAsync("data-status", "enRoute");
        await Expect(phone.Locator("#status")).ToHaveTextAsync("在路上");
        await DashboardHost.SaveScreenshotAsync(phone, "volunteer-answered.png");
    }

    [Fact]
    public async Task AnExpiredAskIsMarkedSoAndALateAnswerIsToldItCountsOnlyForTheRollCall()
    {
        var id = await host.Api.LaunchAsync(new
        {
            name = "港口社区泵站值守演练", mode = "exercise", level = "yellow", category = "met",
            scope = new { kind = "grids", ids = new[] { "ld-dg-c01-g02" } },
            posts = new[] { new { id = "pump", name = "泵站值守", quota = 1, reserve = new[] { "v-00034", "v-00035" }, askAtOnce = 1 } },
            timers = new { askTimeoutSeconds = 1 },
        });
        await Eventually.HoldsAsync(
            () => host.Api.GetAsync($"/api/v1/emergencies/{id}/rollcall"),
            r => r.GetProperty("posts")[0].GetProperty("expired").GetInt32() == 1, DashboardHost.Deadline, "the first ask expired");
        var phone = await host.PhoneAsync("v-00034");
        var alert = phone.Locator($"#alerts .alert[data-emergency='{id}']");

        await Expect(alert).ToHaveAttributeAsync("data-kind", "postAsk");
        await Expect(alert.Locator(".post-expired")).ToHaveTextAsync("此岗位邀请已过期，已改请他人。您的回复计入点名，但不再计入该岗位。");
        await Expect(alert.Locator(".answers-label")).ToHaveTextAsync("回复点名（不计入岗位）");
        await alert.Locator("button[data-answer=atPost]").ClickAsync();

        await Expect(alert.Locator(".answered")).ToHaveTextAsync("已回复: 已到岗 · 您的回复计入点名，但不再计入该岗位。");
        var rollCall = await host.Api.GetAsync($"/api/v1/emergencies/{id}/rollcall");
        await DashboardHost.SaveScreenshotAsync(phone, "volunteer-expired.png");
        Assert.Equal((1, 0), (rollCall.GetProperty("counts").GetProperty("atPost").GetInt32(), rollCall.GetProperty("posts")[0].GetProperty("atPost").GetInt32()));
    }
}
