using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.Browser.Tests;

[Collection(DashboardCollection.Name)]
public sealed class VolunteerPageTests(DashboardHost host)
{
    [Fact]
    public async Task VolunteerSignsInWithADemoTokenOnAPhoneAndSeesTheirOwnStatus()
    {
        var page = await host.OpenAsync("/volunteer", width: 390, height: 844);

        await page.Locator("#sign-in input[name=id]").FillAsync("v-00002");
        await page.Locator("#sign-in button[type=submit]").ClickAsync();

        await Expect(page.Locator("#name")).ToHaveTextAsync("陈兴涛");
        await Expect(page.Locator("#grid")).ToHaveTextAsync("港口社区第1网格");
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "offDuty");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
    }

    [Fact]
    public async Task UnknownVolunteerIsToldWhyTheSignInFailed()
    {
        var page = await host.OpenAsync("/volunteer", width: 390, height: 844);

        await page.Locator("#sign-in input[name=id]").FillAsync("Not An Id");
        await page.Locator("#sign-in button[type=submit]").ClickAsync();

        await Expect(page.Locator("#sign-in .error")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#me")).ToBeHiddenAsync();
    }
}
