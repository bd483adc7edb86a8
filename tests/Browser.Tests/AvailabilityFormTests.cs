using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.Browser.Tests;

/// <summary>
/// Availability on the volunteer's phone page: windows added in the form are saved for the person and shown again on
/// the next visit; a window the server refuses shows why and changes nothing.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AvailabilityFormTests(DashboardHost host)
{
    private const string Person = "v-00042";

    [Fact]
    public async Task VolunteerSetsTheirWeeklyAvailabilityOnThePageAndARefusedWindowChangesNothing()
    {
        var path = $"/api/v1/volunteers/{Person}/shifts/availability";
        var page = await host.PhoneAsync(Person);
        var form = page.Locator("#availability-form");
        await Expect(form).ToHaveAttributeAsync("data-ready", "true");

        await form.Locator("select[name=day]").SelectOptionAsync("wednesday");
        await form.Locator("input[name=from]").FillAsync("09:00");
        await form.Locator("input[name=to]").FillAsync("12:00");
        await form.Locator("button.add-window").ClickAsync();
        await form.Locator("select[name=day]").SelectOptionAsync("saturday");
        await form.Locator("input[name=from]").FillAsync("18:00");
        await form.Locator("input[name=to]").FillAsync("22:00");
        await form.Locator("button.add-window").ClickAsync();
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(form).ToHaveAttributeAsync("data-saved", "true");
        var saved = await host.Api.GetAsync(path);

        // The next visit shows what was saved; a window from 08:00 to 08:00 is refused, and nothing changes.
        var again = await host.PhoneAsync(Person);
        var formAgain = again.Locator("#availability-form");
        await Expect(formAgain.Locator("li.window")).ToHaveCountAsync(2);
        await formAgain.Locator("select[name=day]").SelectOptionAsync("monday");
        await formAgain.Locator("input[name=from]").FillAsync("08:00");
        await formAgain.Locator("input[name=to]").FillAsync("08:00");
        await formAgain.Locator("button.add-window").ClickAsync();
        await formAgain.Locator("button[type=submit]").ClickAsync();
        await Expect(formAgain).ToHaveAttributeAsync("data-refused", "true");
        await Expect(formAgain.Locator(".availability-answer")).ToContainTextAsync("windows[2].to");
        var afterRefusal = await host.Api.GetAsync(path);

        Assert.Equal(
            [("wednesday", "09:00:00", "12:00:00"), ("saturday", "18:00:00", "22:00:00")],
            saved.GetProperty("windows").EnumerateArray().Select(w => (w.GetProperty("day").GetString(), w.GetProperty("from").GetString(), w.GetProperty("to").GetString())));
        Assert.Equal(saved.ToString(), afterRefusal.ToString());
        await Expect(formAgain.Locator("li.window[data-day=wednesday]")).ToContainTextAsync("09:00–12:00");
    }
}
