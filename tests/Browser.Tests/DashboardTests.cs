using System.Diagnostics;
using System.Globalization;
using Lianxin.Centers;
using Lianxin.Grids;
using Lianxin.Volunteers;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.Browser.Tests;

[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task MapDrawsTheDemoDistrictsGridsAndCenters()
    {
        var page = await host.OpenAsync("/?region=ld");

        await Expect(page.Locator("path.grid-area")).ToHaveCountAsync(150);
        await Expect(page.Locator("path.center-marker")).ToHaveCountAsync(55);
        await Expect(page.Locator("[data-counter=centers]")).ToHaveTextAsync("55");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-status", "live");
        await Expect(page.Locator("#region-name")).ToHaveTextAsync("连岛区党群服务中心");
    }

    [Fact]
    public async Task ChangeAtACenterAppearsOnTheOpenDashboardsCard()
    {
        var page = await host.OpenAsync("/?region=ld");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-status", "live");
        await page.Locator("path.center-marker[data-center='ld-dg-c01']").DispatchEventAsync("click");
        var onDuty = page.Locator("#card [data-field=volunteersOnDuty]");
        await Expect(onDuty).ToHaveTextAsync("0");

        var watch = Stopwatch.StartNew();
        var started = await host.Grains.GetGrain<IVolunteerGrain>("v-00001").StartDutyAsync("ld-dg-c01");
        var accepted = watch.ElapsedMilliseconds;
        // Polled every animation frame, so the figure is not inflated by the assertion's retry back-off.
        await page.WaitForFunctionAsync("() => document.querySelector('#card [data-field=volunteersOnDuty]')?.textContent === '1'");

        Assert.True(started.Succeeded, started.Detail);
        await Expect(onDuty).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-counter=volunteersOnDuty]")).ToHaveTextAsync("1");
        output.WriteLine($"change accepted after {accepted} ms, shown on the dashboard {watch.ElapsedMilliseconds - accepted} ms later");
    }

    [Fact]
    public async Task LanguageSwitchShowsTheDashboardInEnglishAndBack()
    {
        var page = await host.OpenAsync("/?region=ld");
        await Expect(page.Locator("h1 [data-text=title]")).ToHaveTextAsync("连心 · 指挥中心");

        await page.Locator("#language").ClickAsync();

        await Expect(page.Locator("h1 [data-text=title]")).ToHaveTextAsync("Lianxin · Command Center");
        await Expect(page.Locator("#by-function li[data-function=partyBuilding] .bar-label")).ToHaveTextAsync("Party building");
        await page.Locator("#language").ClickAsync();
        await Expect(page.Locator("h1 [data-text=title]")).ToHaveTextAsync("连心 · 指挥中心");
    }

    [Fact]
    public async Task DashboardOfABusyRegionIsSavedAsTheReadmeScreenshot()
    {
        var before = (await host.Grains.GetGrain<ICenterGrain>("ld").GetAsync())!.Subtree.VolunteersOnDuty;
        string[] volunteers = ["v-00010", "v-00400", "v-00900", "v-01500", "v-02200", "v-02900", "v-03600", "v-04300"];
        foreach (var id in volunteers)
        {
            var person = await host.Grains.GetGrain<IVolunteerGrain>(id).GetAsync();
            var grid = await host.Grains.GetGrain<IGridGrain>(person!.Profile.HomeGridId).GetAsync();
            Assert.True((await host.Grains.GetGrain<IVolunteerGrain>(id).StartDutyAsync(grid!.Profile.CenterId)).Succeeded);
        }

        var page = await host.OpenAsync("/?region=ld");
        await Expect(page.Locator("path.grid-area")).ToHaveCountAsync(150);
        await page.Locator("path.center-marker[data-center='ld-xw']").DispatchEventAsync("click");
        await Expect(page.Locator("#card .card-body h3")).ToHaveTextAsync("西湾街道党群服务中心");
        await Expect(page.Locator("[data-counter=volunteersOnDuty]"))
            .ToHaveTextAsync((before + volunteers.Length).ToString(CultureInfo.InvariantCulture));

        var path = DashboardHost.RepositoryPath("docs", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });

        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        output.WriteLine($"saved {path} ({png.Length} bytes)");
    }
}
