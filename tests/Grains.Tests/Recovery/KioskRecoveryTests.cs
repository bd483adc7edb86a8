using Lianxin.Activity;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.TestSupport;
using static Lianxin.Grains.Tests.Recovery.RecoveryClusterFixture;

namespace Lianxin.Grains.Tests.Recovery;

/// <summary>
/// Ingest, apply, checkpoint and recovery without PostgreSQL: kiosks post batches while the silo holding the center's
/// activity, or a kiosk's ingest, is killed; the journal is the only record of what was acknowledged, and every
/// count derived from it must come out exactly once. The same paths run on real PostgreSQL and real silo processes
/// in tests/Cluster.Tests.
/// </summary>
public sealed class KioskRecoveryTests(RecoveryClusterFixture fixture) : IClassFixture<RecoveryClusterFixture>
{
    private const int Kiosks = 3;
    private const int Batches = 12;
    private const int BatchSize = 25;

    private readonly Registry _registry = new(fixture.Grains);

    [Fact]
    public async Task EventsAcknowledgedBeforeAndAfterTheCentersSiloIsKilledAreEachCountedOnce()
    {
        var centerId = await CenterAsync();
        var kiosks = Enumerable.Range(0, Kiosks).Select(k => _registry.Id($"kiosk{k}")).ToList();
        var acknowledged = 0;
        var atTheKill = 0;
        var killing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = kiosks.Select(async kiosk =>
        {
            for (var b = 0; b < Batches; b++)
            {
                if (b == Batches / 3)
                {
                    // Every kiosk is mid-stream when the kill starts, and sends on while it happens.
                    Interlocked.Increment(ref atTheKill);
                    await killing.Task;
                }

                var batch = Enumerable.Range(0, BatchSize).Select(i => CheckIn($"{kiosk}-{b}-{i}")).ToList();
                var outcomes = await SendUntilAnsweredAsync(kiosk, centerId, batch);
                // A batch re-sent after a failed call may find its events stored already: "duplicate" then means accepted before.
                Assert.All(outcomes, o => Assert.NotEqual(EventStatus.Rejected, o.Status));
                Interlocked.Add(ref acknowledged, outcomes.Count);
            }
        }).ToList();

        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref atTheKill)), n => n == Kiosks, TimeSpan.FromMinutes(1), "every kiosk a third of the way");
        killing.SetResult();
        await fixture.KillHostsOfAsync(fixture.Grains.GetGrain<ICenterActivityGrain>(centerId));
        await Task.WhenAll(sending);

        // A new activation of the center learns of a kiosk's events it has not applied when the kiosk's ingest next
        // reports its position (with its next batch or checkpoint), and replays them from the journal.
        var everyKiosk = string.Join(",", kiosks.Select(k => $"{k}:{Batches * BatchSize}"));
        await WithTheClustersLogAsync(() => Eventually.HoldsAsync(
            async () => string.Join(",", (await UntilAnsweredAsync(() => fixture.Grains.GetGrain<ICenterActivityGrain>(centerId).GetAsync())).Inside
                .GroupBy(v => v.KioskId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}")),
            insideByKiosk => insideByKiosk == everyKiosk,
            TimeSpan.FromMinutes(1),
            "the center counts every acknowledged check-in, kiosk by kiosk"));
        var activity = await UntilAnsweredAsync(() => fixture.Grains.GetGrain<ICenterActivityGrain>(centerId).GetAsync());
        var ingested = await Task.WhenAll(kiosks.Select(k => UntilAnsweredAsync(() => fixture.Grains.GetGrain<IKioskIngestGrain>(k).GetStatsAsync())));
        Assert.Equal(Kiosks * Batches * BatchSize, acknowledged);
        Assert.Equal(Kiosks * Batches * BatchSize, activity.Inside.Count);
        Assert.Equal(Kiosks * Batches * BatchSize, activity.CheckInsTodayByPurpose.Values.Sum());
        Assert.Equal(Kiosks * Batches * BatchSize, ingested.Sum(s => s.Accepted));
        Assert.Equal(0, ingested.Sum(s => s.Rejected));
    }

    [Fact]
    public async Task EventsOfAKioskThatFallsSilentAsItsSiloIsKilledAreCountedWithoutItsNextBatch()
    {
        var centerId = await CenterAsync();
        var kiosk = _registry.Id("kiosk");
        for (var b = 0; b < 3; b++)
        {
            await SendUntilAnsweredAsync(kiosk, centerId, [.. Enumerable.Range(0, BatchSize).Select(i => CheckIn($"{kiosk}-{b}-{i}"))]);
        }

        // Within the checkpoint interval, and the kiosk sends nothing more (it lost power, say).
        await fixture.KillHostsOfAsync(fixture.Grains.GetGrain<IKioskIngestGrain>(kiosk), fixture.Grains.GetGrain<ICenterActivityGrain>(centerId));

        await WithTheClustersLogAsync(() => Eventually.HoldsAsync(
            () => UntilAnsweredAsync(async () => (await fixture.Grains.GetGrain<ICenterActivityGrain>(centerId).GetAsync()).Inside.Count),
            inside => inside == 3 * BatchSize,
            TimeSpan.FromMinutes(1),
            "the center counts every acknowledged check-in"));
    }

    [Fact]
    public async Task ARefusalReSentAfterTheSilosOfTheKioskAndItsCenterAreKilledIsRefusedAgainAndCountedOnce()
    {
        var centerId = await CenterAsync();
        var kiosk = _registry.Id("kiosk");
        var first = CheckIn("resident");
        var second = CheckIn("resident");
        var accepted = await SendUntilAnsweredAsync(kiosk, centerId, [first]);
        var refused = Assert.Single(await SendUntilAnsweredAsync(kiosk, centerId, [second]));

        // Within the checkpoint interval: neither actor may have written the refusal yet.
        await fixture.KillHostsOfAsync(fixture.Grains.GetGrain<IKioskIngestGrain>(kiosk), fixture.Grains.GetGrain<ICenterActivityGrain>(centerId));
        var again = Assert.Single(await SendUntilAnsweredAsync(kiosk, centerId, [second]));
        var stats = await UntilAnsweredAsync(() => fixture.Grains.GetGrain<IKioskIngestGrain>(kiosk).GetStatsAsync());
        var activity = await UntilAnsweredAsync(() => fixture.Grains.GetGrain<ICenterActivityGrain>(centerId).GetAsync());

        Assert.Equal(EventStatus.Accepted, Assert.Single(accepted).Status);
        Assert.Equal(EventStatus.Rejected, refused.Status);
        Assert.Contains("already checked in", refused.Reason);
        Assert.Equal(refused, again);
        Assert.Equal((1, 1), (stats.Accepted, stats.Rejected));
        Assert.Equal(first.EventId, Assert.Single(activity.Inside).Id);
    }

    private async Task WithTheClustersLogAsync(Func<Task> waiting)
    {
        try
        {
            await waiting();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}{Environment.NewLine}What the cluster logged:{Environment.NewLine}{fixture.Log}", e);
        }
    }

    private async Task<string> CenterAsync()
    {
        await UntilAnsweredAsync(() => _registry.CenterAsync("district", CenterLevel.District, null));
        return await UntilAnsweredAsync(() => _registry.CenterAsync("community", CenterLevel.Community, "district"));
    }

    private KioskEvent CheckIn(string person) =>
        new(Guid.NewGuid(), fixture.Now, new CheckIn(person, PersonRole.Visitor, BasicFunction.ConvenienceServices));

    /// <summary>What a kiosk does: the same batch again until it is answered (a call into a dying silo fails).</summary>
    private Task<IReadOnlyList<EventOutcome>> SendUntilAnsweredAsync(string kiosk, string centerId, IReadOnlyList<KioskEvent> batch) =>
        UntilAnsweredAsync(() => fixture.Grains.GetGrain<IKioskIngestGrain>(kiosk).IngestAsync(centerId, batch));
}
