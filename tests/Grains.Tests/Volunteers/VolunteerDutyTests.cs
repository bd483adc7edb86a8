using Lianxin.Activity;
using Lianxin.Centers;
using Lianxin.Kiosks;
using Lianxin.Common;
using Lianxin.TestSupport;
using Lianxin.Volunteers;

namespace Lianxin.Grains.Tests.Volunteers;

[Collection(ClusterCollection.Name)]
public sealed class VolunteerDutyTests(ClusterFixture fixture)
{
    private readonly Registry _registry = new(fixture.Grains);

    [Fact]
    public async Task VolunteerOnDutyIsCountedAtTheCenterAndUpTheTreeUntilDutyEnds()
    {
        var person = await PersonInACommunityAsync("wang");
        var district = fixture.Grains.GetGrain<ICenterGrain>(_registry.Id("district"));

        await person.StartDutyAsync(_registry.Id("community"));
        var onDuty = await Eventually.HoldsAsync(() => district.GetAsync(), d => d!.Subtree.VolunteersOnDuty == 1);
        await person.EndDutyAsync(_registry.Id("community"));
        var offDuty = await Eventually.HoldsAsync(() => district.GetAsync(), d => d!.Subtree.VolunteersOnDuty == 0);

        Assert.Equal(1, onDuty!.Subtree.VolunteersOnDuty);
        Assert.Equal(0, offDuty!.Subtree.VolunteersOnDuty);
        Assert.Equal(VolunteerStatus.OffDuty, (await person.GetAsync())!.Live.Status);
    }

    [Fact]
    public async Task StartingDutyAtAnotherCenterEndsTheFirst()
    {
        await _registry.CenterAsync("district", CenterLevel.District, null);
        await _registry.CenterAsync("a", CenterLevel.Community, "district");
        await _registry.CenterAsync("b", CenterLevel.Community, "district");
        await _registry.GridAsync("grid", "a");
        var person = fixture.Grains.GetGrain<IVolunteerGrain>(await _registry.PersonAsync("li", "grid"));

        await person.StartDutyAsync(_registry.Id("a"));
        await person.StartDutyAsync(_registry.Id("b"));

        var a = await fixture.Grains.GetGrain<ICenterGrain>(_registry.Id("a")).GetAsync();
        var b = await fixture.Grains.GetGrain<ICenterGrain>(_registry.Id("b")).GetAsync();
        Assert.Equal(0, a!.Live.VolunteersOnDuty);
        Assert.Equal(1, b!.Live.VolunteersOnDuty);
        Assert.Equal(_registry.Id("b"), (await person.GetAsync())!.Live.CenterId);
    }

    [Fact]
    public async Task ARepeatedOrStrayDutyChangeLeavesTheCounterRight()
    {
        var person = await PersonInACommunityAsync("sun");
        var center = fixture.Grains.GetGrain<ICenterGrain>(_registry.Id("community"));

        await person.StartDutyAsync(_registry.Id("community"));
        await person.StartDutyAsync(_registry.Id("community")); // re-sent
        await center.SetVolunteerOnDutyAsync(_registry.Id("sun"), onDuty: true); // repeated
        await center.SetVolunteerOnDutyAsync(_registry.Id("someone-never-on-duty"), onDuty: false); // a stray end

        Assert.Equal(1, (await center.GetAsync())!.Live.VolunteersOnDuty);
        await person.EndDutyAsync(_registry.Id("community"));
        await person.EndDutyAsync(_registry.Id("community"));
        Assert.Equal(0, (await center.GetAsync())!.Live.VolunteersOnDuty);
    }

    [Fact]
    public async Task ARetriedStartRepairsAChangeTheCenterLost()
    {
        var person = await PersonInACommunityAsync("qian");
        var center = fixture.Grains.GetGrain<ICenterGrain>(_registry.Id("community"));
        await person.StartDutyAsync(_registry.Id("community"));

        // The center lost the person (as a change lost with a silo would); the sender's retry tells it again.
        await center.SetVolunteerOnDutyAsync(_registry.Id("qian"), onDuty: false);
        await person.StartDutyAsync(_registry.Id("community"));

        Assert.Equal(1, (await center.GetAsync())!.Live.VolunteersOnDuty);
        var district = fixture.Grains.GetGrain<ICenterGrain>(_registry.Id("district"));
        await Eventually.HoldsAsync(() => district.GetAsync(), d => d!.Subtree.VolunteersOnDuty == 1);
    }

    [Fact]
    public async Task DutyAtAnUnknownCenterIsNotFound()
    {
        await _registry.CenterAsync("district", CenterLevel.District, null);
        await _registry.GridAsync("grid", "district");
        var person = fixture.Grains.GetGrain<IVolunteerGrain>(await _registry.PersonAsync("zhao", "grid"));

        var result = await person.StartDutyAsync(_registry.Id("nowhere"));

        Assert.Equal(RegistryOutcome.NotFound, result.Outcome);
        Assert.Equal(VolunteerStatus.OffDuty, (await person.GetAsync())!.Live.Status);
    }

    [Fact]
    public async Task DutyFollowsTheCentersPresenceAcrossRestartsOfThePersonAndTheCenter()
    {
        var person = await PersonInACommunityAsync("zhou");
        var (personId, centerId) = (_registry.Id("zhou"), _registry.Id("community"));
        var activity = fixture.Grains.GetGrain<ICenterActivityGrain>(centerId);
        var center = fixture.Grains.GetGrain<ICenterGrain>(centerId);
        var kiosk = $"{centerId}-k";
        var at = DateTimeOffset.UtcNow.AddSeconds(-5);
        await activity.ApplyAsync(kiosk, [new(1, kiosk, centerId, new KioskEvent(Guid.NewGuid(), at, new CheckIn(personId, PersonRole.Volunteer, BasicFunction.VolunteerService)))], 0);
        await Eventually.HoldsAsync(() => center.GetAsync(), c => c!.Live.VolunteersOnDuty == 1);

        // Neither actor wrote the duty: both derive it again from the center's presence.
        await fixture.Cluster.DeactivateAsync(person);
        await fixture.Cluster.DeactivateAsync(center);
        var live = (await person.GetAsync())!.Live;
        var restarted = await Eventually.HoldsAsync(() => center.GetAsync(), c => c!.Live.VolunteersOnDuty == 1);

        Assert.Equal((VolunteerStatus.OnDuty, centerId), (live.Status, live.CenterId));
        Assert.Equal(1, restarted!.Live.VolunteersOnDuty);
        await activity.ApplyAsync(kiosk, [new(2, kiosk, centerId, new KioskEvent(Guid.NewGuid(), at.AddMinutes(1), new CheckOut(personId)))], 1);
        await Eventually.HoldsAsync(() => center.GetAsync(), c => c!.Live.VolunteersOnDuty == 0);
        await Eventually.HoldsAsync(() => person.GetAsync(), p => p!.Live.Status == VolunteerStatus.OffDuty);
    }

    /// <summary>A person on the roster of a community's grid, under a district.</summary>
    private async Task<IVolunteerGrain> PersonInACommunityAsync(string name)
    {
        await _registry.CenterAsync("district", CenterLevel.District, null);
        await _registry.CenterAsync("community", CenterLevel.Community, "district");
        await _registry.GridAsync("grid", "community");
        return fixture.Grains.GetGrain<IVolunteerGrain>(await _registry.PersonAsync(name, "grid"));
    }
}
