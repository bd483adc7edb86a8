using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.Browser.Tests;

/// <summary>Orders on the volunteer's phone page: one tap claims an open order near them; a claim that came too late is told why.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OrderClaimTests(DashboardHost host)
{
    private const string Person = "v-00040";

    [Fact]
    public async Task VolunteerClaimsAnOpenOrderWithOneTapAndIsToldWhenAnotherOrderFilledFirst()
    {
        var (centerId, neighbour) = await NeighbourAsync();
        var mine = await OrderAsync(centerId, "独居老人需要代买药品");
        var taken = await OrderAsync(centerId, "帮助老人搬运家具");
        var page = await host.PhoneAsync(Person);
        var open = page.Locator($"#open-orders [data-order='{mine}']");
        await Expect(open).ToContainTextAsync("独居老人需要代买药品");
        await Expect(page.Locator($"#open-orders [data-order='{taken}'] button.claim")).ToBeVisibleAsync();

        // Someone else takes the second order's only place after the page drew it.
        await host.Api.PostAsync($"/api/v1/help-requests/{taken}/claim", new { personId = neighbour });

        var late = page.Locator($"#open-orders [data-order='{taken}']");
        await late.Locator("button.claim").ClickAsync();
        await Expect(late).ToHaveAttributeAsync("data-refused", "true");
        await Expect(late.Locator(".claim-answer")).ToContainTextAsync("already has");

        await open.Locator("button.claim").ClickAsync();
        await Expect(page.Locator($"#my-orders [data-order='{mine}']")).ToHaveAttributeAsync("data-stage", "assigned");
        await Expect(page.Locator($"#open-orders [data-order='{mine}']")).ToHaveCountAsync(0);
        await Expect(page.Locator($"#open-orders [data-order='{taken}']")).ToHaveCountAsync(0);
        var loop = await host.Api.GetAsync($"/api/v1/help-requests/{taken}/loop");
        Assert.Equal([neighbour], loop.GetProperty("order").GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("who").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task DashboardCountsTheRegionsOpenOrdersByAgeAndNamesTheOldest()
    {
        var (centerId, _) = await NeighbourAsync();
        var id = await OrderAsync(centerId, "需要帮助清理楼道");
        var queue = await host.Api.GetAsync("/api/v1/centers/ld/orders?subtree=true&limit=100");

        var page = await host.OpenAsync("/?region=ld");

        var panel = page.Locator("#orders");
        await Expect(panel).ToHaveAttributeAsync("data-ready", "true");
        var total = int.Parse(await panel.Locator(".total").TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total >= queue.GetProperty("total").GetInt32(), $"the panel counts {total}, the queue held {queue.GetProperty("total").GetInt32()} before");
        var counted = 0;
        foreach (var bucket in await panel.Locator(".ages strong").AllTextContentsAsync())
        {
            counted += int.Parse(bucket, System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(Math.Min(total, 100), counted);
        Assert.Contains(id, queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    /// <summary>The person's center, and another person of their grid.</summary>
    private async Task<(string CenterId, string Neighbour)> NeighbourAsync()
    {
        var grid = (await host.Api.GetAsync($"/api/v1/volunteers/{Person}")).GetProperty("profile").GetProperty("homeGridId").GetString()!;
        var centerId = (await host.Api.GetAsync($"/api/v1/grids/{grid}")).GetProperty("centerId").GetString()!;
        var roster = await host.Api.GetAsync($"/api/v1/grids/{grid}/roster");
        var neighbour = roster.EnumerateArray()
            .Where(m => m.GetProperty("person").ValueKind == JsonValueKind.Object)
            .Select(m => m.GetProperty("person").GetProperty("id").GetString()!)
            .First(id => id != Person);
        return (centerId, neighbour);
    }

    private async Task<string> OrderAsync(string centerId, string description)
    {
        var opened = await host.Api.PostAsync("/api/v1/help-requests", new { centerId, function = "careAssistance", description });
        var id = opened.GetProperty("id").GetString()!;
        await host.Api.PostAsync($"/api/v1/help-requests/{id}/order", new { skills = Array.Empty<string>(), peopleNeeded = 1, timeLimitMinutes = 120 });
        return id;
    }
}
