using System.Text.RegularExpressions;
using Lianxin.Emergencies;
using Lianxin.TestSupport;

namespace Lianxin.Grains.Tests.Emergencies;

[Collection(ClusterCollection.Name)]
public sealed partial class RollCallScheduleClusterTests(ClusterFixture fixture)
{
    [GeneratedRegex(@"Reminder (\d+)：")]
    private static partial Regex ReminderRound();

    [Fact]
    public async Task RemindersGoOnlyToThoseWhoHaveNotAnsweredAndStopAtTheCap()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var timers = new RollCallTimers(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(2), 2, TimeSpan.FromSeconds(7), TimeSpan.FromHours(1));
        var emergency = await world.LaunchAsync("e", world.Command(Launches.Grids(world.Grid2, world.Grid1), timers: timers));
        var id = world.Registry.Id("e");
        var answer = await emergency.RespondAsync(EmergencyWorld.OnBehalf(world.A, RollCallStatus.Acknowledged, "当面确认"));

        var reminder = await world.AlertAsync(world.B, id, AlertKind.Reminder);
        // Escalation is due after a third reminder would have been: by then a reminder past the cap would show.
        var report = await Eventually.HoldsAsync(emergency.GetReportAsync, r => r!.Timeline.Any(e => e.Kind == "escalated"), deadline: TimeSpan.FromSeconds(30), what: "grid leads escalated");

        Assert.Contains("尚未回复", reminder.Text);
        var rounds = report!.Timeline.Select(e => ReminderRound().Match(e.Detail)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(rounds);
        Assert.All(rounds, r => Assert.InRange(r, 1, 2));
        Assert.Equal(rounds.Count, rounds.Distinct().Count());
        Assert.DoesNotContain(await world.Person(world.A).GetAlertsAsync(), a => a.Kind == AlertKind.Reminder && a.SentAt > answer.Change!.At);
    }

    [Fact]
    public async Task UnaccountedPeopleButTheLeadAreEscalatedToTheirGridLeadAndThenTheCommandCenter()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var timers = new RollCallTimers(TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), 0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        var emergency = await world.LaunchAsync("e", world.Command(Launches.Grids(world.Grid1), timers: timers));
        var id = world.Registry.Id("e");

        var escalation = await world.AlertAsync(world.Lead, id, AlertKind.Escalation);
        var report = await Eventually.HoldsAsync(emergency.GetReportAsync, r => r!.Timeline.Count(e => e.Kind == "escalated") == 2, deadline: TimeSpan.FromSeconds(30), what: "command escalated");

        // The lead is one of the four who have not answered, but is told only of the other three.
        Assert.Contains("3人尚未应答", escalation.Text);
        Assert.Contains("李四", escalation.Text);
        Assert.Contains(report!.Timeline, e => e.Kind == "escalated" && e.Detail.StartsWith(EscalationTiers.GridLead, StringComparison.Ordinal));
        Assert.Contains(report.Timeline, e => e.Kind == "escalated" && e.Detail.StartsWith(EscalationTiers.Command, StringComparison.Ordinal));
        Assert.Equal(AlertKind.Alert, (await world.AlertAsync(world.Lead, id, AlertKind.Alert)).Kind);
    }
}
