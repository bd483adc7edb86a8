using Lianxin.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Lianxin.Grains.Tests;

/// <summary>A two-silo in-memory test cluster configured the way production silos are.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        var configuration = new ConfigurationBuilder().Build();
        builder.ConfigureSilo((_, silo) => silo.AddLianxinGrainServices(configuration));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
