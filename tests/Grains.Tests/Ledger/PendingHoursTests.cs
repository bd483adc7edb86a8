using Lianxin.Activity;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.Ledger;
using Lianxin.TestSupport;

namespace Lianxin.Grains.Tests.Ledger;

/// <summary>
/// A closed volunteer visit's hours await a decision at the center they were served at; the person's ledger holds
/// them without writing them and finds them there again when it restarts. Decisions are the ledger's own.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PendingHoursTests(ClusterFixture fixture)
{
    private readonly Registry _registry = new(fixture.Grains);

    [Fact]
    public async Task PendingHoursOutliveRestartsOfTheLedgerAndTheCenterAndADecisionOutlivesThem()
    {
        await _registry.CenterAsync("district", CenterLevel.District, null);
        var centerId = await _registry.CenterAsync("community", CenterLevel.Community, "district");
        await _registry.GridAsync("grid", "community");
        var personId = await _registry.PersonAsync("hu", "grid");
        var activity = fixture.Grains.GetGrain<ICenterActivityGrain>(centerId);
        var ledger = fixture.Grains.GetGrain<IPersonLedgerGrain>(personId);
        var kiosk = $"{centerId}-k";
        // Both visits inside the center's opening hours (08:30-20:30 local, UTC+8) and in the past, whatever the time
        // of the run: a visit running past closing time is checked out at closing, which changes its hours.
        var localNow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var day = localNow.TimeOfDay >= TimeSpan.FromHours(12.5) ? localNow.Date : localNow.Date.AddDays(-1);
        var at = new DateTimeOffset(day.AddHours(9), TimeSpan.FromHours(8));
        JournaledKioskEvent Visit(long position, KioskEventBody body, DateTimeOffset when) => new(position, kiosk, centerId, new KioskEvent(Guid.NewGuid(), when, body));
        await activity.ApplyAsync(kiosk, [
            Visit(1, new CheckIn(personId, PersonRole.Volunteer, BasicFunction.VolunteerService), at),
            Visit(2, new CheckOut(personId), at.AddHours(1)),
            Visit(3, new CheckIn(personId, PersonRole.Volunteer, BasicFunction.VolunteerService), at.AddHours(2)),
            Visit(4, new CheckOut(personId), at.AddHours(2.5)),
        ], 0);
        var held = await Eventually.HoldsAsync(() => ledger.GetAsync(), l => l.Hours.Count == 2);

        await activity.FlushAsync();
        await fixture.Cluster.DeactivateAsync(ledger);
        await fixture.Cluster.DeactivateAsync(activity);
        var derived = await ledger.GetAsync();
        var first = derived.Hours.MinBy(h => h.From)!;
        await ledger.DecideHoursAsync(first.Id, approve: true, "staff-hu", null);
        await fixture.Cluster.DeactivateAsync(ledger);
        var afterDecision = await ledger.GetAsync();

        Assert.Equal(held.Hours.OrderBy(h => h.From), derived.Hours.OrderBy(h => h.From));
        Assert.All(derived.Hours, h => Assert.Equal(HoursState.Pending, h.State));
        Assert.Equal([HoursState.Approved, HoursState.Pending], afterDecision.Hours.OrderBy(h => h.From).Select(h => h.State));
        Assert.Equal([afterDecision.Hours.MaxBy(h => h.From)!.Id], (await activity.GetAwaitingHoursAsync(personId)).Select(h => h.Id));
        Assert.Equal(10, afterDecision.Balance);
    }

    [Fact]
    public async Task BeyondTwoThousandHoursAwaitingTheOldestLeaveTheCentersList()
    {
        await _registry.CenterAsync("district-full", CenterLevel.District, null);
        var centerId = await _registry.CenterAsync("community-full", CenterLevel.Community, "district-full");
        var activity = fixture.Grains.GetGrain<ICenterActivityGrain>(centerId);
        var kiosk = $"{centerId}-k";
        var localNow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var day = new DateTimeOffset(localNow.Date.AddDays(-1), TimeSpan.FromHours(8));
        var people = Enumerable.Range(0, 20).Select(p => $"full-{Guid.NewGuid():N}").ToArray();
        // 20 volunteers, 101 visits each, one after another inside opening hours: 2,020 hours awaiting a decision, 20 too many.
        var events = new List<JournaledKioskEvent>();
        for (var k = 0; k < 101; k++)
        {
            foreach (var person in people)
            {
                var from = day.AddHours(8).AddMinutes(40 + (6 * k)).AddSeconds(Array.IndexOf(people, person));
                events.Add(new(events.Count + 1, kiosk, centerId, new KioskEvent(Guid.NewGuid(), from, new CheckIn(person, PersonRole.Volunteer, BasicFunction.VolunteerService))));
                events.Add(new(events.Count + 1, kiosk, centerId, new KioskEvent(Guid.NewGuid(), from.AddMinutes(5), new CheckOut(person))));
            }
        }

        await activity.ApplyAsync(kiosk, events, 0);
        var firstVisits = events.Where((e, i) => i < 40 && e.Event.Body is CheckIn).Select(e => e.Event.EventId).ToHashSet();
        var listedBefore = (await Task.WhenAll(people.Select(p => activity.GetAwaitingHoursAsync(p)))).SelectMany(h => h).ToList();
        await activity.FlushAsync();
        await fixture.Cluster.DeactivateAsync(activity);
        var listedAfter = (await Task.WhenAll(people.Select(p => activity.GetAwaitingHoursAsync(p)))).SelectMany(h => h).ToList();

        // The 20 oldest (each volunteer's first visit) left the list, in memory and in what the center stored.
        Assert.Equal(2000, listedBefore.Count);
        Assert.DoesNotContain(listedBefore, h => firstVisits.Contains(h.Id));
        Assert.Equal(listedBefore.Select(h => h.Id).Order(), listedAfter.Select(h => h.Id).Order());
    }
}
