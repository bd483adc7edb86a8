using Lianxin.Emergencies;
using Lianxin.TestSupport;

namespace Lianxin.Grains.Tests.Emergencies;

[Collection(ClusterCollection.Name)]
public sealed class PostFillingTests(ClusterFixture fixture)
{
    private static RollCallTimers AskTimeout(TimeSpan timeout) => Launches.Slow with { AskTimeout = timeout };

    private static async Task<PostRollCall> PostAsync(IEmergencyGrain emergency, Func<PostRollCall, bool> done, string what) =>
        (await EmergencyWorld.RollCallAsync(emergency, s => done(s.Posts.Single()), what)).Posts.Single();

    [Fact]
    public async Task APostAsksFromItsReserveListAndTheNextAfterADeclineUntilFilled()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var post = new PostDefinition("dike", "东堤巡查", 1, [], [world.B, world.A, world.C], 1);
        var emergency = await world.LaunchAsync("e", world.Command(posts: [post]));
        var id = world.Registry.Id("e");

        var askB = await world.AlertAsync(world.B, id, AlertKind.PostAsk);
        await emergency.RespondAsync(EmergencyWorld.Reply(askB.Token!, RollCallStatus.Unavailable));
        var askA = await world.AlertAsync(world.A, id, AlertKind.PostAsk);
        await emergency.RespondAsync(EmergencyWorld.Reply(askA.Token!, RollCallStatus.AtPost));
        var filled = await PostAsync(emergency, p => p.Filled, "post filled");

        Assert.Contains("东堤巡查", askB.Text);
        Assert.Equal("dike", askA.PostId);
        Assert.Equal((2, 1, 1, 1), (filled.Asked, filled.Declined, filled.Accepted, filled.AtPost));
        Assert.Equal("dike", (await emergency.GetPersonAsync(world.A))!.PostId);
        Assert.DoesNotContain(await world.Person(world.C).GetAlertsAsync(), a => a.Kind == AlertKind.PostAsk);
    }

    [Fact]
    public async Task AnUnansweredAskTimesOutAndTheNextPersonIsAsked()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var post = new PostDefinition("dike", "东堤巡查", 1, [], [world.A, world.B], 1);
        var emergency = await world.LaunchAsync("e", world.Command(posts: [post], timers: AskTimeout(TimeSpan.FromSeconds(1))));

        var askB = await world.AlertAsync(world.B, world.Registry.Id("e"), AlertKind.PostAsk);
        var state = await PostAsync(emergency, p => p.Asked == 2 && p.Expired >= 1, "first ask expired, the next person asked");

        // The second ask times out a second later too, so it may be pending or expired by now: both are counted once.
        Assert.Equal("dike", askB.PostId);
        Assert.Equal((2, 2), (state.Asked, state.Expired + state.Pending));
        Assert.Equal(0, state.Accepted);
    }

    [Fact]
    public async Task AnEmptyReserveAsksThoseWithTheSkillsNAtOnce()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var post = new PostDefinition("aid", "救护点", 3, ["firstAid"], [], 2);
        var emergency = await world.LaunchAsync("e", world.Command(posts: [post]));

        var state = await PostAsync(emergency, p => p.Asked == 2, "two asked");

        Assert.Equal((2, 3), (state.Pending, state.ReserveLeft));
    }

    [Fact]
    public async Task SomeoneAtAPostInAnotherLiveEmergencyIsNotAskedAgain()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var first = await world.LaunchAsync("e1", world.Command(Launches.Grids(world.Grid1)));
        await first.RespondAsync(EmergencyWorld.Reply(await world.TokenAsync(world.A, world.Registry.Id("e1")), RollCallStatus.AtPost));
        await Eventually.HoldsAsync(() => world.Person(world.A).GetAsync(), p => p!.Live.EmergencyId == world.Registry.Id("e1") && p.Live.Status == Lianxin.Volunteers.VolunteerStatus.AtPost, deadline: TimeSpan.FromSeconds(30), what: "a at post in e1");

        var post = new PostDefinition("dike", "东堤巡查", 1, [], [world.A, world.B], 2);
        var second = await world.LaunchAsync("e2", world.Command(Launches.Grids(world.Grid1), posts: [post]));
        var askB = await world.AlertAsync(world.B, world.Registry.Id("e2"), AlertKind.PostAsk);
        var state = (await second.GetRollCallAsync())!.Posts.Single();

        Assert.Equal("dike", askB.PostId);
        Assert.Equal(1, state.Asked);
        Assert.DoesNotContain(await world.Person(world.A).GetAlertsAsync(), a => a.EmergencyId == world.Registry.Id("e2") && a.Kind == AlertKind.PostAsk);
    }

    [Fact]
    public async Task APostInWavesAsksAgainAtEachTimeoutUntilEnoughConfirmAndStandsDownTheSurplus()
    {
        var world = await EmergencyWorld.CreateAsync(fixture.Grains);
        var post = new PostDefinition("team", "抢险队", 2, ["firstAid"], [], 1, Filling: PostFilling.Waves);
        var emergency = await world.LaunchAsync("e", world.Command(posts: [post], timers: AskTimeout(TimeSpan.FromSeconds(1))));
        var id = world.Registry.Id("e");

        var secondWave = await PostAsync(emergency, p => p.Wave >= 2 && p.Asked >= 4, "a second wave");
        var asked = new List<string>();
        foreach (var person in world.Grid1People.Append(world.D))
        {
            if ((await world.Person(person).GetAlertsAsync()).FirstOrDefault(a => a.EmergencyId == id && a.Kind == AlertKind.PostAsk) is { } ask)
            {
                await emergency.RespondAsync(EmergencyWorld.Reply(ask.Token ?? await world.TokenAsync(person, id), RollCallStatus.Acknowledged));
                asked.Add(person);
            }
        }

        var settled = await PostAsync(emergency, p => p.Confirmed == 2 && p.StoodDown == asked.Count - 2, "surplus stood down");
        var holders = new List<string>();
        foreach (var person in asked)
        {
            if ((await emergency.GetPersonAsync(person))!.PostId == "team")
            {
                holders.Add(person);
            }
            else
            {
                Assert.Contains("人数已满", (await world.AlertAsync(person, id, AlertKind.PostStandDown)).Text);
            }
        }

        Assert.Equal(PostFilling.Waves, secondWave.Filling);
        Assert.True(asked.Count >= 4, $"{asked.Count} asked");
        Assert.Equal(2, holders.Count);
        Assert.Equal(2, settled.Accepted);
    }
}
