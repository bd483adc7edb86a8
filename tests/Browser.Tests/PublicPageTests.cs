using Lianxin.Centers;
using Lianxin.Common;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.Browser.Tests;

[Collection(DashboardCollection.Name)]
public sealed class PublicPageTests(DashboardHost host)
{
    /// <summary>A village center of the demo district with no kiosk: only this test reports its crowd.</summary>
    private const string Village = "ld-st-v03";

    [Fact]
    public async Task APhoneWithoutSignInSeesTheCrowdTheServicesAndCentersNearby()
    {
        await host.Grains.GetGrain<ICenterGrain>(Village).ReportActivityAsync(new CenterActivityFigures(80, new Dictionary<BasicFunction, int>(), 0, 0));
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            Geolocation = new Geolocation { Latitude = 27.698f, Longitude = 121.132f },
            Permissions = ["geolocation"],
        });
        context.SetDefaultTimeout((float)DashboardHost.Deadline.TotalMilliseconds);
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(host.BaseAddress, $"/center.html?id={Village}").ToString());

        await Expect(page.Locator("#name")).ToHaveTextAsync("石板村党群服务中心");
        await Expect(page.Locator("#crowd")).ToHaveAttributeAsync("data-level", "busy");
        await Expect(page.Locator("#crowd")).ToHaveTextAsync("人多");
        await Expect(page.Locator("#hours-chart .bar")).ToHaveCountAsync(24);
        await Expect(page.Locator("#map.leaflet-container .center-marker")).ToHaveCountAsync(1);
        await Expect(page.Locator("#functions li").First).ToBeVisibleAsync();
        await page.Locator("#find-nearby").ClickAsync();
        // Other tests of this host add centers of their own nearby: the district's center is the one this test knows.
        await Expect(page.Locator("#nearby a").Filter(new() { HasText = "连岛区党群服务中心" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#nearby a").Filter(new() { HasText = "石板村党群服务中心" })).ToHaveCountAsync(0);
        await page.Locator("#language").ClickAsync();
        await Expect(page.Locator("#crowd")).ToHaveTextAsync("Busy");
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("Party-Mass Service Center");
        await context.CloseAsync();
    }

    [Fact]
    public async Task AnUnknownCenterIsSaidToBeUnknown()
    {
        var page = await host.OpenAsync("/center.html?id=no-such-center", width: 390, height: 844);

        await Expect(page.Locator("#error")).ToHaveTextAsync("未找到该阵地");
        await Expect(page.Locator("#center")).ToBeHiddenAsync();
    }
}
