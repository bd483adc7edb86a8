namespace Lianxin.WebHost.Tests.Attacks;

/// <summary>A production host whose connection string went missing must not accept data it will lose.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class StorageAttackTests
{
    [Fact]
    public async Task AProductionHostWithoutAConnectionStringRefusesToStartUnlessToldToRunInMemory()
    {
        var settings = await ProductionHostProcess.DeploymentSettingsAsync();
        settings.Remove("ConnectionStrings:Lianxin");

        await using var host = await ProductionHostProcess.StartAsync(settings, waitReady: false);
        var exitCode = await host.WaitForExitAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains(host.Output, l => l.Contains("refusing to run on in-memory storage", StringComparison.Ordinal));
    }
}
