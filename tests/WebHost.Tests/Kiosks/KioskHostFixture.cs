using Lianxin.TestSupport;

namespace Lianxin.WebHost.Tests.Kiosks;

/// <summary>One web host on its own PostgreSQL database per test class; tests make their own districts in it.</summary>
public sealed class KioskHostFixture : IAsyncLifetime
{
    public LianxinWebFactory Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await KioskHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
