using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Kiosks;
using Lianxin.Shifts;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Activities;
using Lianxin.WebHost.Tests.Live;
using static Lianxin.WebHost.Tests.Activities.ActivityHost;

namespace Lianxin.WebHost.Tests.Shifts;

/// <summary>
/// The staff's side of a shift short of people, over HTTP and the live hub on PostgreSQL: the district's dashboard gets
/// the alert pushed the moment the rota finds the shift short and loses it when someone takes the place; the staff
/// contact that gets it by SMS is a mobile, shown masked and audited without the number.
/// </summary>
[Trait("Needs", "PostgreSQL")]
[Collection(ActivityHostCollection.Name)]
public sealed class ShiftStaffAlertTests(ActivityHost host)
{
    [Fact]
    public async Task AShiftShortOfPeopleADayAheadIsPushedToTheRegionsDashboardUntilItHasItsMinimum()
    {
        var calendar = new LocalCalendar(new KioskOptions().Zone);
        var startsLocal = calendar.ToLocal(DateTimeOffset.UtcNow).AddHours(3);
        var occurrence = ShiftRecurrence.OccurrenceId("alert-watch", DateOnly.FromDateTime(startsLocal.DateTime));
        var starts = new TimeOnly(startsLocal.Hour, 0);
        await using var dashboard = await LiveDashboard.ConnectAsync(host.Host, host.Host.TokenFor(Role.Operator, District));
        await dashboard.SubscribeAsync($"region:{District}");

        await OkAsync(await host.Staff.PostAsJsonAsync($"/api/v1/centers/{Center}/shifts", new
        {
            id = "alert-watch", title = "应急值守", days = Enum.GetNames<DayOfWeek>().Select(d => d.ToLowerInvariant()),
            starts = starts.ToString("HH:mm"), ends = starts.AddHours(1).ToString("HH:mm"), minPeople = 1, maxPeople = 2,
        }));
        var alert = await Eventually.HoldsAsync(() => Task.FromResult(dashboard.Current($"shiftShort:{occurrence}")), a => a is not null, LianxinWebFactory.Timeout, "alert on the dashboard");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/centers/{Center}/shifts/occurrences/{occurrence}/sign-ups")
        {
            Content = JsonContent.Create(new { personId = Member }),
        };
        await OkAsync(await host.Host.ClientAs(Role.Volunteer, Member).SendAsync(request));
        await Eventually.HoldsAsync(() => Task.FromResult(dashboard.Deltas.Any(d => d.Removed?.Contains($"shiftShort:{occurrence}") == true)), r => r,
            LianxinWebFactory.Timeout, "alert removed from the dashboard");

        Assert.Equal((Center, 0, 1), (alert!.Value.GetProperty("centerId").GetString(), alert.Value.GetProperty("taken").GetInt32(), alert.Value.GetProperty("minPeople").GetInt32()));
        Assert.Equal("应急值守", alert.Value.GetProperty("title").GetString());
    }

    [Fact]
    public async Task TheStaffContactIsAMobileShownMaskedAndAuditedWithoutTheNumber()
    {
        var contact = $"/api/v1/centers/{Center}/shifts/staff-contact";

        var landline = await host.Staff.PutAsJsonAsync(contact, new { phone = "021-5000-0003" });
        var afterRefusal = await host.Staff.GetFromJsonAsync<JsonElement>(contact);
        var set = await host.Staff.PutAsJsonAsync(contact, new { phone = "13900000003" });
        var read = await host.Host.ClientAs(Role.Auditor, District).GetFromJsonAsync<JsonElement>(contact);
        var audit = await host.Host.ClientAs(Role.Operator, District).GetStringAsync($"/api/v1/audit?subject=shift:{Center}");
        var removed = await host.Staff.PutAsJsonAsync(contact, new { phone = (string?)null });

        await ProblemAssert.HasFieldErrorAsync(landline, "phone");
        Assert.Equal(JsonValueKind.Null, afterRefusal.GetProperty("phone").ValueKind);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("139****0003", read.GetProperty("phone").GetString());
        Assert.Contains("shift.staffContactSet", audit);
        Assert.DoesNotContain("13900000003", audit);
        Assert.Equal(JsonValueKind.Null, (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").ValueKind);
    }
}
