using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.Volunteers;

namespace Lianxin.Grains.Tests.Emergencies;

[Collection(ClusterCollection.Name)]
public sealed class RollCallReplyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AnAnswerWithTheReplyTokenIsRecordedWithItsHistory()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var emergency = await world.LaunchAsync("e", world.Command());
        var token = await world.TokenAsync(world.A, world.Registry.Id("e"));
        await EmergencyWorld.NotifiedAsync(emergency);

        var acknowledged = await emergency.RespondAsync(EmergencyWorld.Reply(token, RollCallStatus.Acknowledged));
        var enRoute = await emergency.RespondAsync(EmergencyWorld.Reply(token, RollCallStatus.EnRoute, location: new GeoPoint(27.701, 121.102), comment: "骑车"));

        Assert.Equal(ReplyOutcome.Recorded, acknowledged.Outcome);
        Assert.Equal(ReplyOutcome.Recorded, enRoute.Outcome);
        var person = (await emergency.GetPersonAsync(world.A))!;
        Assert.Equal(RollCallStatus.EnRoute, person.Status);
        Assert.Equal([RollCallStatus.Notified, RollCallStatus.Acknowledged, RollCallStatus.EnRoute], person.History.Select(h => h.Status));
        var last = person.History[^1];
        Assert.Equal((RollCallChannel.Web, world.A, false, "骑车", new GeoPoint(27.701, 121.102)), (last.Channel, last.By, last.OnBehalf, last.Comment, last.Location));
        var rollCall = (await emergency.GetRollCallAsync())!;
        Assert.Equal((1, 2, 20.0), (rollCall.Counts.EnRoute, rollCall.SelfUpdates, rollCall.AccountedPercent));
    }

    [Fact]
    public async Task TheRollCallReflectsAnAnswerAsSoonAsItIsAcknowledged()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var emergency = await world.LaunchAsync("e", world.Command());
        var token = await world.TokenAsync(world.D, world.Registry.Id("e"));

        await emergency.RespondAsync(EmergencyWorld.Reply(token, RollCallStatus.AtPost));

        var rollCall = (await emergency.GetRollCallAsync())!;
        Assert.Equal(1, rollCall.Counts.AtPost);
        Assert.Equal(1, rollCall.Grids.Single(g => g.GridId == world.Grid2).Counts.AtPost);
        Assert.Equal(VolunteerStatus.AtPost, (await Lianxin.TestSupport.Eventually.HoldsAsync(
            () => world.Person(world.D).GetAsync(), p => p!.Live.Status == VolunteerStatus.AtPost, deadline: TimeSpan.FromSeconds(30), what: "person at post"))!.Live.Status);
    }

    [Fact]
    public async Task ATokenOfAnotherEmergencyIsRejectedAndChangesNothing()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var first = await world.LaunchAsync("e1", world.Command());
        var second = await world.LaunchAsync("e2", world.Command());
        var tokenOfFirst = await world.TokenAsync(world.A, world.Registry.Id("e1"));
        await EmergencyWorld.NotifiedAsync(second);

        var result = await second.RespondAsync(EmergencyWorld.Reply(tokenOfFirst, RollCallStatus.AtPost));
        var garbage = await second.RespondAsync(EmergencyWorld.Reply("not-a-token", RollCallStatus.AtPost));

        Assert.Equal(ReplyOutcome.TokenRejected, result.Outcome);
        Assert.Equal(ReplyOutcome.TokenRejected, garbage.Outcome);
        Assert.Equal(0, (await second.GetRollCallAsync())!.Accounted);
        Assert.Equal(0, (await first.GetRollCallAsync())!.Accounted);
    }

    [Fact]
    public async Task AnAnswerOnSomeonesBehalfNeedsACommentAndCountsApart()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var emergency = await world.LaunchAsync("e", world.Command());

        var bare = await emergency.RespondAsync(EmergencyWorld.OnBehalf(world.B, RollCallStatus.Unavailable, "  "));
        var commented = await emergency.RespondAsync(EmergencyWorld.OnBehalf(world.B, RollCallStatus.Unavailable, "电话联系：在外地出差"));

        Assert.Equal(ReplyOutcome.Invalid, bare.Outcome);
        Assert.Equal(ReplyOutcome.Recorded, commented.Outcome);
        var rollCall = (await emergency.GetRollCallAsync())!;
        Assert.Equal((0, 1, 1), (rollCall.SelfUpdates, rollCall.OnBehalfUpdates, rollCall.Counts.Unavailable));
        var change = (await emergency.GetPersonAsync(world.B))!.History.Single(h => h.Status == RollCallStatus.Unavailable);
        Assert.Equal(("lead-1", true, RollCallChannel.Phone), (change.By, change.OnBehalf, change.Channel));
    }

    [Fact]
    public async Task SystemStatusesCannotBeAnsweredAndStrangersAreNotOnTheRollCall()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var emergency = await world.LaunchAsync("e", world.Command(Launches.Grids(world.Grid2)));
        var token = await world.TokenAsync(world.D, world.Registry.Id("e"));

        var notified = await emergency.RespondAsync(EmergencyWorld.Reply(token, RollCallStatus.Notified));
        var stranger = await emergency.RespondAsync(EmergencyWorld.OnBehalf(world.A, RollCallStatus.AtPost, "见到了"));
        var missing = await world.Emergency("never").RespondAsync(EmergencyWorld.Reply(token, RollCallStatus.AtPost));

        Assert.Equal(ReplyOutcome.Invalid, notified.Outcome);
        Assert.Equal(ReplyOutcome.PersonNotFound, stranger.Outcome);
        Assert.Equal(ReplyOutcome.EmergencyNotFound, missing.Outcome);
    }

    [Fact]
    public async Task AResentAnswerCountsOnce()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var emergency = await world.LaunchAsync("e", world.Command());
        var token = await world.TokenAsync(world.C, world.Registry.Id("e"));
        var requestId = Guid.NewGuid();

        var first = await emergency.RespondAsync(EmergencyWorld.Reply(token, RollCallStatus.Acknowledged, requestId));
        var again = await emergency.RespondAsync(EmergencyWorld.Reply(token, RollCallStatus.Acknowledged, requestId));

        Assert.Equal(ReplyOutcome.Recorded, first.Outcome);
        Assert.Equal(ReplyOutcome.Duplicate, again.Outcome);
        Assert.Single((await emergency.GetPersonAsync(world.C))!.History, h => h.Status == RollCallStatus.Acknowledged);
    }

    [Fact]
    public async Task ManyAnswersAtOnceAreAllRecorded()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var emergency = await world.LaunchAsync("e", world.Command());
        var tokens = await Task.WhenAll(world.Grid1People.Select(v => world.TokenAsync(v, world.Registry.Id("e"))));

        var results = await Task.WhenAll(tokens.SelectMany(t => new[] { RollCallStatus.Acknowledged, RollCallStatus.EnRoute, RollCallStatus.AtPost }
            .Select(s => emergency.RespondAsync(EmergencyWorld.Reply(t, s)))));

        Assert.All(results, r => Assert.Equal(ReplyOutcome.Recorded, r.Outcome));
        var rollCall = (await emergency.GetRollCallAsync())!;
        Assert.Equal(4, rollCall.Accounted);
        Assert.Equal(12, rollCall.SelfUpdates);
    }
}
