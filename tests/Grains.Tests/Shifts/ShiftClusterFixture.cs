using Lianxin.Common;
using Lianxin.Hosting;
using Lianxin.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Lianxin.Grains.Tests.Shifts;

/// <summary>
/// A one-silo cluster on a fresh PostgreSQL database whose centers' clock the tests set (Orleans' own clock runs on), so a
/// rota's time-based steps are taken at the moments a test names. The service id is fixed across restarts.
/// </summary>
public sealed class ShiftClusterFixture : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _serviceId = $"shifts-{Guid.NewGuid():N}";
    private string _connectionString = "";

    /// <summary>The centers' clock: still until a test sets it (forward only).</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateAsync().WaitAsync(Deadline);
        Cluster = await StartAsync();
    }

    /// <summary>Stops the silo and starts a new cluster on the same database: only persisted state survives.</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync().WaitAsync(Deadline);
        await Cluster.DisposeAsync();
        Cluster = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync().WaitAsync(Deadline);
        await Cluster.DisposeAsync();
    }

    private async Task<InProcessTestCluster> StartAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{SiloConfiguration.ConnectionStringName}"] = _connectionString })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = _serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton<TimeProvider>(CentersClock.Key, Clock);
            silo.AddLianxinGrainServices(configuration);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync().WaitAsync(Deadline);
        return cluster;
    }
}
