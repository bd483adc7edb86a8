namespace Lianxin.WebHost.Tests.Attacks;

/// <summary>Residents' sign-in codes reach the resident by SMS alone: a production host will not answer them to whoever asks.</summary>
public sealed class ResidentCodeAttackTests
{
    [Fact]
    public async Task AProductionHostToldToShowSignInCodesRefusesToStart()
    {
        var settings = await ProductionHostProcess.DeploymentSettingsAsync();
        settings["Demo:Enabled"] = "true";
        settings["Demo:Simulate"] = "false";
        settings["Residents:ShowCodes"] = "true";

        await using var host = await ProductionHostProcess.StartAsync(settings, waitReady: false);
        var exitCode = await host.WaitForExitAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains(host.Output, l => l.Contains("Residents:ShowCodes=true", StringComparison.Ordinal));
    }
}
