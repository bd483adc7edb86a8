using System.Collections.Concurrent;
using Lianxin.Common;
using Lianxin.Common.Journal;
using Lianxin.Hosting;
using Lianxin.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Lianxin.Grains.Tests.Recovery;

/// <summary>
/// A three-silo in-process cluster whose silos can be killed without losing what a database would have kept: one
/// journal (the embedded default's), one grain storage and one reminder table shared by every silo, checkpoints and
/// snapshots every second so kills fall between and across them, reminders that bring kiosks back within seconds, and
/// the centers' clock set to mid-morning local time so visits lie inside opening hours and within one day whatever
/// the time of the run (Orleans keeps the real clock).
/// </summary>
public sealed class RecoveryClusterFixture : IAsyncLifetime
{
    private readonly InMemoryEventJournal _journal = new();
    private readonly ConcurrentDictionary<string, (string ETag, byte[] State)> _rows = new();
    private readonly OffsetClock _clock = new(ToMidMorning(DateTimeOffset.UtcNow));
    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentDictionary<(GrainId, string), ReminderEntry> _reminders = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>What the silos logged so far (<see cref="RecordingLoggerProvider"/>), oldest first.</summary>
    public string Log => string.Join(Environment.NewLine, _log);

    /// <summary>The cluster's clock.</summary>
    public DateTimeOffset Now => _clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kiosks:CheckpointInterval"] = "00:00:01",
            ["Kiosks:SnapshotInterval"] = "00:00:01",
            ["Kiosks:RecoveryInterval"] = "00:00:02",
        }).Build();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddLianxinGrainServices(configuration);
            // As in tests/Cluster.Tests: a killed silo is declared dead within seconds, and only then does the
            // directory hand its actors to the live silos.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                (o.ProbeTimeout, o.NumMissedProbesLimit) = (TimeSpan.FromSeconds(1), 2);
                (o.IAmAliveTablePublishTimeout, o.TableRefreshTimeout) = (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
            });
            silo.Services.AddLogging(logging => logging.AddProvider(new RecordingLoggerProvider(_log)));
            silo.Services.AddKeyedSingleton<TimeProvider>(CentersClock.Key, _clock);
            silo.Services.AddSingleton<Severance>();
            silo.Services.AddSingleton<IEventJournal>(sp => new SeverableEventJournal(_journal, sp.GetRequiredService<Severance>()));
            silo.Services.AddSingleton<IReminderTable>(sp => new SharedMemoryReminderTable(_reminders, sp.GetRequiredService<Severance>()));
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            foreach (var name in new[] { StorageNames.Default, StorageNames.Live, StorageNames.PubSub })
            {
                silo.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new SharedMemoryGrainStorage(_rows, sp.GetRequiredService<Serializer>(), sp.GetRequiredService<Severance>()));
            }
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>
    /// Kills the silos that hold <paramref name="grains"/>, cut off from the database first as a killed process is
    /// (<see cref="Severance"/>), and starts as many in their place.
    /// </summary>
    public async Task KillHostsOfAsync(params IAddressable[] grains)
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        var addresses = await Task.WhenAll(grains.Select(g => UntilAnsweredAsync(() => management.GetActivationAddress(g).AsTask())));
        foreach (var host in Cluster.Silos.Where(s => addresses.Any(a => s.SiloAddress.Equals(a))).ToList())
        {
            ((InProcessSiloHandle)host).ServiceProvider.GetRequiredService<Severance>().Cut();
            await Cluster.KillSiloAsync(host);
            await Cluster.StartAdditionalSiloAsync();
        }
    }

    /// <summary>
    /// A call through the client made again until it is answered, as kiosks and dashboards do: after a kill the
    /// client learns that a gateway is dead only when a call through it fails.
    /// </summary>
    public static async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is not (OperationCanceledException or Xunit.Sdk.XunitException) && !deadline.IsCancellationRequested)
            {
                // The back-off before the call is made again.
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    /// <summary>How far to move <paramref name="now"/> so that the run starts at 10:00 in the centers' time zone (UTC+8).</summary>
    private static TimeSpan ToMidMorning(DateTimeOffset now)
    {
        var local = now.ToOffset(TimeSpan.FromHours(8));
        return new DateTimeOffset(local.Date.AddHours(10), local.Offset) - local;
    }
}
