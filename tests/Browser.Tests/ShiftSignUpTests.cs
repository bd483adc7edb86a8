using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.Browser.Tests;

/// <summary>Shifts on the volunteer's phone page: an open shift at my center taken with one tap moves to my shifts.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ShiftSignUpTests(DashboardHost host)
{
    private const string Person = "v-00041";

    [Fact]
    public async Task VolunteerTakesAnOpenShiftWithOneTapAndSeesItAmongTheirShifts()
    {
        var grid = (await host.Api.GetAsync($"/api/v1/volunteers/{Person}")).GetProperty("profile").GetProperty("homeGridId").GetString()!;
        var centerId = (await host.Api.GetAsync($"/api/v1/grids/{grid}")).GetProperty("centerId").GetString()!;
        await host.Api.PostAsync($"/api/v1/centers/{centerId}/shifts", new
        {
            id = "phone-watch",
            title = "自助服务间晚间值守",
            days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" },
            starts = "18:00",
            ends = "22:00",
            minPeople = 2,
            maxPeople = 3,
        });
        var open = (await host.Api.GetAsync($"/api/v1/volunteers/{Person}/shifts")).GetProperty("open").EnumerateArray()
            .Select(l => l.GetProperty("occurrenceId").GetString()!).First(id => id.StartsWith("phone-watch-", StringComparison.Ordinal));

        var page = await host.PhoneAsync(Person);
        var card = page.Locator($"#open-shifts [data-occurrence='{open}']");
        await Expect(card).ToContainTextAsync("自助服务间晚间值守");
        await card.Locator("button.take-shift").ClickAsync();

        await Expect(page.Locator($"#my-shifts [data-occurrence='{open}']")).ToContainTextAsync("自助服务间晚间值守");
        await Expect(page.Locator($"#open-shifts [data-occurrence='{open}']")).ToHaveCountAsync(0);
        var rota = await host.Api.GetAsync($"/api/v1/centers/{centerId}/shifts");
        var occurrence = rota.GetProperty("occurrences").EnumerateArray().Single(o => o.GetProperty("id").GetString() == open);
        Assert.Equal([Person], occurrence.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("personId").GetString()));
    }
}
