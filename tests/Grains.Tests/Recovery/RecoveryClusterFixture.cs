using System.Collections.Concurrent;
using Lianxin.Common;
using Lianxin.Common.Journal;
using Lianxin.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Lianxin.Grains.Tests.Recovery;

/// <summary>
/// A three-silo in-process cluster whose silos can be killed without losing what a database would have kept: one
/// journal (the embedded default's) and one grain storage shared by every silo, checkpoints and snapshots every
/// second so kills fall between and across them, and the live path's clock set to mid-morning local time so visits
/// lie inside opening hours and within one day whatever the time of the run (Orleans keeps the real clock).
/// </summary>
public sealed class RecoveryClusterFixture : IAsyncLifetime
{
    private readonly InMemoryEventJournal _journal = new();
    private readonly ConcurrentDictionary<string, (string ETag, byte[] State)> _rows = new();
    private readonly MidMorningClock _clock = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The cluster's clock.</summary>
    public DateTimeOffset Now => _clock.UtcNow;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kiosks:CheckpointInterval"] = "00:00:01",
            ["Kiosks:SnapshotInterval"] = "00:00:01",
        }).Build();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddLianxinGrainServices(configuration);
            silo.Services.AddSingleton<DomainClock>(_clock);
            silo.Services.AddSingleton<IEventJournal>(_journal);
            foreach (var name in new[] { StorageNames.Default, StorageNames.Live, StorageNames.PubSub })
            {
                silo.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new SharedMemoryGrainStorage(_rows, sp.GetRequiredService<Serializer>()));
            }
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Kills the silos that hold <paramref name="grains"/> without any shutdown, and starts as many in their place.</summary>
    public async Task KillHostsOfAsync(params IAddressable[] grains)
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        var addresses = await Task.WhenAll(grains.Select(g => management.GetActivationAddress(g).AsTask()));
        foreach (var host in Cluster.Silos.Where(s => addresses.Any(a => s.SiloAddress.Equals(a))).ToList())
        {
            await Cluster.KillSiloAsync(host);
            await Cluster.StartAdditionalSiloAsync();
        }
    }

    /// <summary>Real time, moved so that the run starts at 10:00 in the centers' time zone (UTC+8).</summary>
    private sealed class MidMorningClock() : DomainClock(TimeProvider.System)
    {
        private readonly TimeSpan _shift = Shift(TimeProvider.System.GetUtcNow());

        public override DateTimeOffset UtcNow => base.UtcNow + _shift;

        private static TimeSpan Shift(DateTimeOffset now)
        {
            var local = now.ToOffset(TimeSpan.FromHours(8));
            return new DateTimeOffset(local.Date.AddHours(10), local.Offset) - local;
        }
    }
}
