using Lianxin.TestSupport;
using Xunit;

namespace Lianxin.WebHost.Tests.Live;

/// <summary>One web host with its own silo on a fresh PostgreSQL database, shared by the hub tests.</summary>
public sealed class LiveHostFixture : IAsyncLifetime
{
    public LianxinWebFactory Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = new LianxinWebFactory(await TestDatabase.CreateAsync(), settings: new Dictionary<string, string>
        {
            ["Cluster:ClusterId"] = $"live-{Guid.NewGuid():N}",
        });
        _ = Host.Server;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class LiveHostCollection : ICollectionFixture<LiveHostFixture>
{
    public const string Name = "Live web host";
}
