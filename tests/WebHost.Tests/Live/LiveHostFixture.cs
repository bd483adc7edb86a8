using Lianxin.TestSupport;
using Xunit;

namespace Lianxin.WebHost.Tests.Live;

/// <summary>One web host with its own silo on a fresh PostgreSQL database, shared by the hub tests.</summary>
public sealed class LiveHostFixture : IAsyncLifetime
{
    public LiveHostFactory Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = new LiveHostFactory(LiveHostFactory.CoHosted(await TestDatabase.CreateAsync()));
        _ = Host.Server;
        await Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class LiveHostCollection : ICollectionFixture<LiveHostFixture>
{
    public const string Name = "Live web host";
}
