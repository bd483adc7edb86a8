using Lianxin.Emergencies;
using Lianxin.TestSupport;
using Lianxin.Volunteers;

namespace Lianxin.Grains.Tests.Emergencies;

[Collection(ClusterCollection.Name)]
public sealed class EmergencyLifecycleTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ALevelChangeReachesEveryone()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var emergency = await world.LaunchAsync("e", world.Command());
        await EmergencyWorld.NotifiedAsync(emergency);

        var raised = await emergency.ChangeLevelAsync(new LevelChange(EmergencyLevel.Red, "operator-1", "风力增强"));
        var again = await emergency.ChangeLevelAsync(new LevelChange(EmergencyLevel.Red, "operator-1", null));

        Assert.Equal(CommandOutcome.Done, raised.Outcome);
        Assert.Equal(EmergencyLevel.Red, raised.Emergency!.Level);
        Assert.Equal(CommandOutcome.NoChange, again.Outcome);
        foreach (var person in world.Grid1People.Append(world.D))
        {
            var update = await world.AlertAsync(person, world.Registry.Id("e"), AlertKind.Update);
            Assert.Equal(EmergencyLevel.Red, update.Level);
            Assert.NotNull(update.Token);
        }
    }

    [Fact]
    public async Task EndFreezesEveryStatusAndRefusesLaterAnswers()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var emergency = await world.LaunchAsync("e", world.Command());
        var token = await world.TokenAsync(world.A, world.Registry.Id("e"));
        await emergency.RespondAsync(EmergencyWorld.Reply(token, RollCallStatus.EnRoute));

        var ended = await emergency.EndAsync(new CloseCommand("operator-1", "险情解除"));
        var late = await emergency.RespondAsync(EmergencyWorld.Reply(token, RollCallStatus.AtPost));
        var endedAgain = await emergency.EndAsync(new CloseCommand("operator-1", null));

        Assert.Equal(CommandOutcome.Done, ended.Outcome);
        Assert.Equal(ReplyOutcome.Closed, late.Outcome);
        Assert.Equal(CommandOutcome.Closed, endedAgain.Outcome);
        var rollCall = (await emergency.GetRollCallAsync())!;
        Assert.Equal((EmergencyPhase.Ended, 1), (rollCall.Phase, rollCall.Counts.EnRoute));
        Assert.Equal(CommandOutcome.Closed, (await emergency.ChangeLevelAsync(new LevelChange(EmergencyLevel.Red, "x", null))).Outcome);
    }

    [Fact]
    public async Task CancelTellsEveryoneToStandDownWithTheReason()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var emergency = await world.LaunchAsync("e", world.Command(mode: EmergencyMode.Exercise));
        var token = await world.TokenAsync(world.D, world.Registry.Id("e"));
        await emergency.RespondAsync(EmergencyWorld.Reply(token, RollCallStatus.AtPost));

        var cancelled = await emergency.CancelAsync(new CloseCommand("operator-1", "误报"));

        Assert.Equal(EmergencyPhase.Cancelled, cancelled.Emergency!.Phase);
        foreach (var person in world.Grid1People.Append(world.D))
        {
            var standDown = await world.AlertAsync(person, world.Registry.Id("e"), AlertKind.Cancel);
            Assert.StartsWith("【演练】", standDown.Text);
            Assert.EndsWith("取消原因：误报", standDown.Text);
        }

        var d = await Eventually.HoldsAsync(() => world.Person(world.D).GetAsync(), p => p!.Live.Status != VolunteerStatus.AtPost, deadline: TimeSpan.FromSeconds(30), what: "stood down");
        Assert.Equal(VolunteerStatus.OffDuty, d!.Live.Status);
        Assert.Equal(1, (await emergency.GetRollCallAsync())!.Counts.AtPost);
    }

    [Fact]
    public async Task EveryAlertUpdateAndCancelIsAValidCapDocumentOfOneChain()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var emergency = await world.LaunchAsync("e", world.Command(mode: EmergencyMode.Exercise));
        await emergency.ChangeLevelAsync(new LevelChange(EmergencyLevel.Red, "operator-1", null));
        await emergency.CancelAsync(new CloseCommand("operator-1", "演练结束"));

        var documents = await emergency.GetCapDocumentsAsync();

        Assert.Equal(["Alert", "Update", "Cancel"], documents.Select(d => d.MsgType));
        Assert.All(documents, d => Assert.Empty(CapSchema.Errors(d.Xml)));
        Assert.All(documents, d => Assert.Contains("<status>Exercise</status>", d.Xml));
        Assert.Contains($"<value>{world.Grid2}</value>", documents[0].Xml);
        Assert.Contains("取消原因：演练结束", documents[2].Xml);
    }

    [Fact]
    public async Task ARestartedEmergencyRebuildsItsRollCallFromItsJournal()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var emergency = await world.LaunchAsync("e", world.Command());
        var token = await world.TokenAsync(world.A, world.Registry.Id("e"));
        await EmergencyWorld.NotifiedAsync(emergency);
        await emergency.RespondAsync(EmergencyWorld.Reply(token, RollCallStatus.EnRoute));
        await emergency.RespondAsync(EmergencyWorld.OnBehalf(world.B, RollCallStatus.NeedHelp, "腿伤"));
        var before = (await emergency.GetRollCallAsync())!;
        var historyBefore = (await emergency.GetPersonAsync(world.A))!.History;

        await fixture.Cluster.DeactivateAsync(emergency);
        var after = (await emergency.GetRollCallAsync())!;

        Assert.Equal(before with { AsOf = after.AsOf }, after, RollCallSummaryComparer.Instance);
        Assert.Equal(historyBefore, (await emergency.GetPersonAsync(world.A))!.History);
        var again = await emergency.RespondAsync(EmergencyWorld.Reply(token, RollCallStatus.AtPost));
        Assert.Equal(ReplyOutcome.Recorded, again.Outcome);
        Assert.True(again.Change!.Sequence > historyBefore[^1].Sequence);
    }

    [Fact]
    public async Task TheReportHasTheTimelineTimesAndCounts()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var emergency = await world.LaunchAsync("e", world.Command());
        foreach (var person in world.Grid1People.Append(world.D))
        {
            await emergency.RespondAsync(EmergencyWorld.Reply(await world.TokenAsync(person, world.Registry.Id("e")), RollCallStatus.Acknowledged));
        }

        await emergency.EndAsync(new CloseCommand("operator-1", null));
        var report = (await emergency.GetReportAsync())!;

        Assert.Equal(5, report.Counts.Acknowledged);
        Assert.NotNull(report.Times.SecondsTo100Percent);
        Assert.Equal([world.Grid1, world.Grid2], report.Grids.Select(g => g.GridId).Order());
        Assert.Superset(new HashSet<string> { "launched", "message", "milestone", "ended" }, report.Timeline.Select(e => e.Kind).ToHashSet());
        Assert.Equal(5, report.Series[^1].Counts.Accounted);
    }

    /// <summary>Compares roll-call summaries by value, lists included.</summary>
    private sealed class RollCallSummaryComparer : IEqualityComparer<RollCallSummary>
    {
        public static readonly RollCallSummaryComparer Instance = new();

        public bool Equals(RollCallSummary? x, RollCallSummary? y) =>
            x is not null && y is not null
            && x with { Grids = [], Posts = [] } == y with { Grids = [], Posts = [] }
            && x.Grids.SequenceEqual(y.Grids) && x.Posts.SequenceEqual(y.Posts);

        public int GetHashCode(RollCallSummary obj) => obj.EmergencyId.GetHashCode(StringComparison.Ordinal);
    }
}
