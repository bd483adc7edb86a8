using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.Browser.Tests;

[Collection(DashboardCollection.Name)]
public sealed class DrillTests(DashboardHost host)
{
    [Fact]
    public async Task DrillLaunchedFromTheDashboardReachesAnOpenVolunteerPageAndTheAnswerShowsInTheRollCall()
    {
        var dashboard = await host.OpenAsync("/?region=ld");
        await Expect(dashboard.Locator("body")).ToHaveAttributeAsync("data-emergency-ready", "true");
        var phone = await host.OpenAsync("/volunteer", width: 390, height: 844);
        await phone.Locator("#sign-in input[name=id]").FillAsync("v-00003");
        await phone.Locator("#sign-in button[type=submit]").ClickAsync();
        await Expect(phone.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        await dashboard.Locator("#emergency select[name=scenario]").SelectOptionAsync("ld-flood-gangkou");
        await dashboard.Locator("#emergency [data-action=preview]").ClickAsync();
        await Expect(dashboard.Locator("#emergency .preview .reach")).ToContainTextAsync("70");
        var rollCall = dashboard.Locator("#emergency .rollcall");
        var before = await rollCall.GetAttributeAsync("data-emergency") ?? "";
        await dashboard.Locator("#emergency [data-action=launch]").ClickAsync();

        // The dashboard follows what it launched (it followed the newest running emergency before).
        await dashboard.WaitForFunctionAsync(
            "before => { const id = document.querySelector('#emergency .rollcall').dataset.emergency; return !!id && id !== before; }", before);
        var emergencyId = await rollCall.GetAttributeAsync("data-emergency");
        await Expect(rollCall.Locator(".badge")).ToHaveTextAsync("演练");
        var alert = phone.Locator($"#alerts .alert[data-emergency='{emergencyId}']");
        await Expect(alert.Locator(".badge")).ToHaveTextAsync("演练");
        await alert.Locator("button[data-answer=acknowledged]").ClickAsync();

        await Expect(alert.Locator(".answered")).ToContainTextAsync("收到");
        await Expect(rollCall.Locator(".statuses li[data-status=acknowledged] .count")).ToHaveTextAsync("1");
        await Expect(rollCall.Locator(".accounted-count")).ToHaveTextAsync("1/70");
        await Expect(rollCall.Locator("tr[data-grid='ld-dg-c01-g01'] td").Nth(2)).ToHaveTextAsync("1");
        await Expect(rollCall.Locator(".unaccounted li[data-volunteer='v-00003']")).ToHaveCountAsync(0);
        await Expect(rollCall.Locator(".unaccounted li[data-volunteer='v-00004']")).ToHaveCountAsync(1);
    }
}
