using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianxin.Centers;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.Browser.Tests;

/// <summary>Names people type into the registry are shown as text: markup in them is never run or rendered.</summary>
[Collection(DashboardCollection.Name)]
public sealed class StoredTextTests(DashboardHost host)
{
    private const string ImageName = "<img src=x onerror=\"window.__xss=1\">";
    private const string ScriptName = "<script>window.__xss=2</script>";

    [Fact]
    public async Task CenterNamesWithMarkupAreShownLiterallyAndNeverRun()
    {
        // A region of its own, so the demo district's counts that other tests check stay as they are.
        var location = (await host.Grains.GetGrain<ICenterGrain>("ld").GetAsync())!.Profile.Location;
        await RegisterAsync("xss", "district", null, ImageName, location.Latitude, location.Longitude);
        await RegisterAsync("xss-s1", "street", "xss", ScriptName, location.Latitude + 0.01, location.Longitude + 0.01);
        var page = await host.OpenAsync("/?region=xss");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-status", "live");
        await Expect(page.Locator("#region-name")).ToHaveTextAsync(ImageName);

        await page.Locator("path.center-marker[data-center='xss']").HoverAsync(new LocatorHoverOptions { Force = true });
        await page.Locator("path.center-marker[data-center='xss']").DispatchEventAsync("click");
        await Expect(page.Locator("#card h3")).ToHaveTextAsync(ImageName);
        await Expect(page.Locator(".leaflet-tooltip").Filter(new LocatorFilterOptions { HasText = ImageName })).ToHaveCountAsync(1);
        await page.Locator("path.center-marker[data-center='xss-s1']").HoverAsync(new LocatorHoverOptions { Force = true });
        await page.Locator("path.center-marker[data-center='xss-s1']").DispatchEventAsync("click");
        await Expect(page.Locator("#card h3")).ToHaveTextAsync(ScriptName);
        await Expect(page.Locator(".leaflet-tooltip").Filter(new LocatorFilterOptions { HasText = ScriptName })).ToHaveCountAsync(1);

        Assert.Equal(0, await page.Locator("#card img, #card script, .leaflet-tooltip img, .leaflet-tooltip script, #region-name img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
    }

    private async Task RegisterAsync(string id, string level, string? parentId, string name, double latitude, double longitude)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = DashboardHost.Deadline };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.Api.TokenAsync("operator", "xss"));
        var response = await http.PostAsJsonAsync("/api/v1/centers", new
        {
            id,
            name,
            level,
            parentId,
            location = new { latitude, longitude },
            floorAreaSqm = 1200,
            openingHours = new { opens = "08:30", closes = "20:30" },
            selfService24h = true,
            staff = new[] { new { name = "张三", role = "operationsStaff", isPartyMember = true, trainingDays = 3 } },
            functions = new[] { "partyBuilding", "volunteerService" },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
