using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;

namespace Lianxin.WebHost.Tests.Emergencies;

[Trait("Needs", "PostgreSQL")]
public sealed class RollCallDurabilityTests
{
    private static readonly object FastReminders = new
    {
        reminderIntervalSeconds = 1,
        reminderCap = 20,
        escalateToGridLeadAfterSeconds = 3600,
        escalateToCommandAfterSeconds = 7200,
    };

    private static async Task<int> RemindersAsync(EmergencyDistrict d, string id) =>
        (await d.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{id}/report"))
            .GetProperty("timeline").EnumerateArray()
            .Count(e => e.GetProperty("kind").GetString() == "message" && e.GetProperty("detail").GetString()!.Contains("Reminder", StringComparison.Ordinal));

    [Fact]
    public async Task ARollCallSurvivesAHostRestartMidwayAndItsRemindersContinue()
    {
        var database = await TestDatabase.CreateAsync();
        string district, id, token;
        int remindersBefore;
        await using (var first = new LianxinWebFactory(database))
        {
            var d = new EmergencyDistrict(first);
            await d.CreateAsync();
            district = d.District;
            id = await d.LaunchAsync(d.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(d.GridA, d.GridB), timers: FastReminders));
            token = await d.TokenAsync(d.Id("a-v1"), id);
            (await d.Anonymous.PostAsJsonAsync($"/api/v1/emergencies/{id}/responses", EmergencyRequests.Reply(token, "enRoute"))).EnsureSuccessStatusCode();
            (await d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{id}/responses", EmergencyRequests.OnBehalf(d.Id("b-v1"), "unavailable", "请假"))).EnsureSuccessStatusCode();
            remindersBefore = await Eventually.HoldsAsync(() => RemindersAsync(d, id), n => n >= 1, deadline: TimeSpan.FromSeconds(30), what: "a reminder before the restart");
        }

        await using var second = new LianxinWebFactory(database);
        var again = new EmergencyDistrict(second, district);

        // Asking only the person's actor: the emergency woke by itself at start and showed its alert again.
        Assert.Equal(token, await again.TokenAsync(again.Id("a-v1"), id));
        var rollCall = await again.RollCallAsync(id);
        var person = await again.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{id}/people/{again.Id("a-v1")}");

        Assert.Equal((1, 1, "running"), (rollCall.GetProperty("counts").GetProperty("enRoute").GetInt32(), rollCall.GetProperty("counts").GetProperty("unavailable").GetInt32(), rollCall.GetProperty("phase").GetString()));
        Assert.Contains(person.GetProperty("history").EnumerateArray(), h => h.GetProperty("status").GetString() == "enRoute");
        var remindersAfter = await Eventually.HoldsAsync(() => RemindersAsync(again, id), n => n > remindersBefore, deadline: TimeSpan.FromSeconds(30), what: "reminders continuing after the restart");
        Assert.True(remindersAfter > remindersBefore);
        var atPost = await again.Anonymous.PostAsJsonAsync($"/api/v1/emergencies/{id}/responses", EmergencyRequests.Reply(token, "atPost"));
        Assert.Equal(HttpStatusCode.OK, atPost.StatusCode);
        Assert.Equal(1, (await again.RollCallAsync(id)).GetProperty("counts").GetProperty("atPost").GetInt32());
    }
}
