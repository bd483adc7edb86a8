using Lianxin.TestSupport;

namespace Lianxin.WebHost.Tests;

/// <summary>One web host on the embedded default, shared by the tests of a class (each uses its own ids).</summary>
public sealed class EmbeddedHostFixture : IAsyncLifetime
{
    public LianxinWebFactory Host { get; } = new();

    public Task InitializeAsync()
    {
        _ = Host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
