using Lianxin.Emergencies;
using Lianxin.TestSupport;

namespace Lianxin.Grains.Tests.Emergencies;

[Collection(ClusterCollection.Name)]
public sealed class RollCallScheduleClusterTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RemindersGoOnlyToThoseWhoHaveNotAnsweredAndStopAtTheCap()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var timers = new RollCallTimers(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(2), 2, TimeSpan.FromSeconds(7), TimeSpan.FromHours(1));
        var emergency = await world.LaunchAsync("e", world.Command(Launches.Grids(world.Grid2, world.Grid1), timers: timers));
        var id = world.Registry.Id("e");
        await emergency.RespondAsync(EmergencyWorld.OnBehalf(world.A, RollCallStatus.Acknowledged, "当面确认"));

        var reminder = await world.AlertAsync(world.B, id, AlertKind.Reminder);
        var report = await Eventually.HoldsAsync(emergency.GetReportAsync, r => r!.Timeline.Any(e => e.Kind == "escalated"), what: "grid leads escalated");

        Assert.Contains("尚未回复", reminder.Text);
        Assert.Equal(2, report!.Timeline.Count(e => e.Kind == "message" && e.Detail.Contains("Reminder", StringComparison.Ordinal)));
        Assert.DoesNotContain(await world.Person(world.A).GetAlertsAsync(), a => a.Kind == AlertKind.Reminder);
    }

    [Fact]
    public async Task UnaccountedPeopleAreEscalatedToTheirGridLead()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var timers = new RollCallTimers(TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), 0, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        var emergency = await world.LaunchAsync("e", world.Command(Launches.Grids(world.Grid1), timers: timers));
        var id = world.Registry.Id("e");
        await emergency.RespondAsync(EmergencyWorld.OnBehalf(world.Lead, RollCallStatus.Acknowledged, "本人"));
        await emergency.RespondAsync(EmergencyWorld.OnBehalf(world.A, RollCallStatus.Acknowledged, "当面确认"));

        var escalation = await world.AlertAsync(world.Lead, id, AlertKind.Escalation);
        var report = await Eventually.HoldsAsync(emergency.GetReportAsync, r => r!.Timeline.Count(e => e.Kind == "escalated") == 2, what: "command escalated");

        Assert.Contains("2人尚未应答", escalation.Text);
        Assert.Contains("李四", escalation.Text);
        Assert.Contains(report!.Timeline, e => e.Kind == "escalated" && e.Detail.StartsWith("command", StringComparison.Ordinal));
        Assert.Equal(AlertKind.Alert, (await world.AlertAsync(world.Lead, id, AlertKind.Alert)).Kind);
    }
}
