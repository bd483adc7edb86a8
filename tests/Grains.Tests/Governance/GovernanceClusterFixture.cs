using Lianxin.Hosting;
using Lianxin.TestSupport;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Xunit;

namespace Lianxin.Grains.Tests.Governance;

/// <summary>
/// A one-silo test cluster on a fresh PostgreSQL database, configured like production (through
/// <see cref="SiloConfiguration.AddLianxinGrainServices"/>). The service id is fixed so a restarted cluster reads
/// the rows the previous one wrote.
/// </summary>
public class GovernanceClusterFixture : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _serviceId = $"governance-{Guid.NewGuid():N}";
    private string _connectionString = "";

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The fixture's database, for tests that look at what was stored.</summary>
    public string ConnectionString => _connectionString;

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateAsync().WaitAsync(Deadline);
        Cluster = await StartAsync();
    }

    /// <summary>Stops every silo and starts a new cluster on the same database: only persisted state survives.</summary>
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

    /// <summary>
    /// Settings on top of the connection string. Evidence is reported on every tick, so a test that ticks an actor
    /// sees its evidence without waiting for the production interval.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Governance:Evidence:ReportInterval"] = "00:00:00",
    };

    /// <summary>Services a fixture puts in each silo before the product's (a clock the test sets, for one).</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }

    private async Task<InProcessTestCluster> StartAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{SiloConfiguration.ConnectionStringName}"] = _connectionString })
            .AddInMemoryCollection(Settings)
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = _serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            ConfigureSilo(silo);
            silo.AddLianxinGrainServices(configuration);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync().WaitAsync(Deadline);
        return cluster;
    }
}
