using Lianxin.Hosting;
using Lianxin.TestSupport;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Xunit;

namespace Lianxin.Grains.Tests.Live;

/// <summary>A two-silo test cluster on a fresh PostgreSQL database, shared by the live-feed tests.</summary>
public sealed class LiveClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Lianxin"] = connectionString })
            .Build();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddLianxinGrainServices(configuration));
        Cluster = builder.Build();
        await Cluster.DeployAsync().WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class LiveClusterCollection : ICollectionFixture<LiveClusterFixture>
{
    public const string Name = "Live cluster";
}
