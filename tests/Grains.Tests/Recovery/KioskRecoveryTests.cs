using Lianxin.Activity;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.TestSupport;

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
        await Eventually.HoldsAsync(
            async () => string.Join(",", (await fixture.Grains.GetGrain<ICenterActivityGrain>(centerId).GetAsync()).Inside
                .GroupBy(v => v.KioskId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}")),
            insideByKiosk => insideByKiosk == everyKiosk,
            TimeSpan.FromMinutes(1),
            "the center counts every acknowledged check-in, kiosk by kiosk");
        var activity = await fixture.Grains.GetGrain<ICenterActivityGrain>(centerId).GetAsync();
        var ingested = await Task.WhenAll(kiosks.Select(k => fixture.Grains.GetGrain<IKioskIngestGrain>(k).GetStatsAsync()));
        Assert.Equal(Kiosks * Batches * BatchSize, acknowledged);
        Assert.Equal(Kiosks * Batches * BatchSize, activity.Inside.Count);
        Assert.Equal(Kiosks * Batches * BatchSize, activity.CheckInsTodayByPurpose.Values.Sum());
        Assert.Equal(Kiosks * Batches * BatchSize, ingested.Sum(s => s.Accepted));
        Assert.Equal(0, ingested.Sum(s => s.Rejected));
    }

    private async Task<string> CenterAsync()
    {
        await _registry.CenterAsync("district", CenterLevel.District, null);
        return await _registry.CenterAsync("community", CenterLevel.Community, "district");
    }

    private KioskEvent CheckIn(string person) =>
        new(Guid.NewGuid(), fixture.Now, new CheckIn(person, PersonRole.Visitor, BasicFunction.ConvenienceServices));

    /// <summary>What a kiosk does: the same batch again until it is answered (a call into a dying silo fails).</summary>
    private async Task<IReadOnlyList<EventOutcome>> SendUntilAnsweredAsync(string kiosk, string centerId, IReadOnlyList<KioskEvent> batch)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            try
            {
                return await fixture.Grains.GetGrain<IKioskIngestGrain>(kiosk).IngestAsync(centerId, batch);
            }
            catch (Exception e) when (e is not (OperationCanceledException or Xunit.Sdk.XunitException) && !deadline.IsCancellationRequested)
            {
                // The kiosk's back-off before it sends the batch again.
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }
}
