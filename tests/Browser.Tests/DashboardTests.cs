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
    public async Task KioskCheckInPostedOverHttpAppearsOnTheOpenDashboard()
    {
        var kiosk = await host.Api.KioskCredentialAsync("k-014");
        var page = await host.OpenAsync("/?region=ld");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-status", "live");
        await page.Locator("path.center-marker[data-center='ld-dg-c01']").DispatchEventAsync("click");
        var inside = page.Locator("#card [data-field=peopleInside]");
        await Expect(inside).ToHaveTextAsync("0");

        var watch = Stopwatch.StartNew();
        var accepted = await host.Api.CheckInAsync(kiosk, "k-014", "p-browser-001");
        var acceptedAfter = watch.ElapsedMilliseconds;
        // Polled every animation frame, so the figure is not inflated by the assertion's retry back-off.
        await page.WaitForFunctionAsync("() => document.querySelector('#card [data-field=peopleInside]')?.textContent === '1'");

        Assert.True(accepted);
        await Expect(inside).ToHaveTextAsync("1");
        await Expect(page.Locator("#card [data-field=checkInsToday]")).ToHaveTextAsync("1");
        output.WriteLine($"check-in accepted after {acceptedAfter} ms, shown on the dashboard {watch.ElapsedMilliseconds - acceptedAfter} ms later");
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
    public async Task DashboardOfABusyRegionShowsItsDrillAndCanBeTheReadmeScreenshot()
    {
        var before = (await host.Grains.GetGrain<ICenterGrain>("ld").GetAsync())!.Subtree.VolunteersOnDuty;
        string[] volunteers = ["v-00010", "v-00400", "v-00900", "v-01500", "v-02200", "v-02900", "v-03600", "v-04300"];
        foreach (var id in volunteers)
        {
            var person = await host.Grains.GetGrain<IVolunteerGrain>(id).GetAsync();
            var grid = await host.Grains.GetGrain<IGridGrain>(person!.Profile.HomeGridId).GetAsync();
            Assert.True((await host.Grains.GetGrain<IVolunteerGrain>(id).StartDutyAsync(grid!.Profile.CenterId)).Succeeded);
        }

        foreach (var (kiosk, center) in new[] { ("k-003", "ld-dg"), ("k-005", "ld-xw") })
        {
            var credential = await host.Api.KioskCredentialAsync(kiosk);
            for (var i = 0; i < 6; i++)
            {
                Assert.True(await host.Api.CheckInAsync(credential, kiosk, $"p-{center}-{i}", i % 2 == 0 ? "partyBuilding" : "volunteerService"));
            }
        }

        var drill = await host.Api.LaunchDrillAsync("ld-typhoon-donggang");
        string[] answers = ["acknowledged", "enRoute", "atPost", "acknowledged", "unavailable", "needHelp", "enRoute", "atPost"];
        for (var i = 0; i < answers.Length; i++)
        {
            await host.Api.AnswerAsync($"v-{i + 20:00000}", drill, answers[i]);
        }

        var page = await host.OpenAsync("/?region=ld");
        await Expect(page.Locator("path.grid-area")).ToHaveCountAsync(150);
        await Expect(page.Locator($"#emergency .rollcall[data-emergency='{drill}'] .accounted-count")).ToContainTextAsync($"{answers.Length}/");
        await page.Locator("path.center-marker[data-center='ld-xw']").DispatchEventAsync("click");
        await Expect(page.Locator("#card .card-body h3")).ToHaveTextAsync("西湾街道党群服务中心");
        await Expect(page.Locator("[data-counter=volunteersOnDuty]"))
            .ToHaveTextAsync((before + volunteers.Length).ToString(CultureInfo.InvariantCulture));

        var png = await page.ScreenshotAsync();

        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        // The README's picture is replaced only when asked for (LIANXIN_SCREENSHOTS=docs), never by every test run.
        if (DashboardHost.ScreenshotPath("dashboard.png") is { } path)
        {
            await File.WriteAllBytesAsync(path, png);
            output.WriteLine($"saved {path} ({png.Length} bytes)");
        }
    }

    [Fact]
    public async Task EveryLegendDotSitsOnTheLineOfItsLabel()
    {
        var page = await host.OpenAsync("/?region=ld");
        await Expect(page.Locator(".legend li")).ToHaveCountAsync(5);
        await Expect(page.Locator("#by-function li")).ToHaveCountAsync(10);

        // Both boxes of an item measured in one go, so a panel above that grows in between cannot skew them.
        var boxes = await page.EvaluateAsync<double[][]>(
            "() => [...document.querySelectorAll('.legend li')].map(li => { const d = li.querySelector('.dot').getBoundingClientRect(); " +
            "const l = li.querySelector('span').getBoundingClientRect(); return [d.top, d.bottom, d.right, l.top, l.bottom, l.left]; })");

        Assert.Equal(5, boxes.Length);
        for (var i = 0; i < boxes.Length; i++)
        {
            var (dotTop, dotBottom, dotRight, labelTop, labelBottom, labelLeft) = (boxes[i][0], boxes[i][1], boxes[i][2], boxes[i][3], boxes[i][4], boxes[i][5]);
            Assert.True(dotTop < labelBottom && labelTop < dotBottom, $"legend item {i}: dot at y={dotTop}..{dotBottom}, label at y={labelTop}..{labelBottom}");
            Assert.True(dotRight <= labelLeft, $"legend item {i}: the dot is not left of its label");
        }
    }
}
