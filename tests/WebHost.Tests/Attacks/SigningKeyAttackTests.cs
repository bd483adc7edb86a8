using System.Text.RegularExpressions;

namespace Lianxin.WebHost.Tests.Attacks;

/// <summary>Signing one's own tokens with the key everybody has read: the shipped placeholder.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed partial class SigningKeyAttackTests
{
    [Fact]
    public async Task AProductionHostRefusesToStartWithTheShippedPlaceholderKey()
    {
        var secret = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "k8s", "secret.yaml"));
        var placeholder = SigningKeyLine().Match(secret).Groups[1].Value;
        var settings = await ProductionHostProcess.DeploymentSettingsAsync();
        settings["Auth:SigningKey"] = placeholder;

        await using var host = await ProductionHostProcess.StartAsync(settings, waitReady: false);
        var exitCode = await host.WaitForExitAsync();

        Assert.NotEqual("", placeholder);
        Assert.NotEqual(0, exitCode);
        Assert.Contains(host.Output, l => l.Contains("Auth:SigningKey is a placeholder", StringComparison.Ordinal));
    }

    [GeneratedRegex("Auth__SigningKey:\\s*\"([^\"]+)\"")]
    private static partial Regex SigningKeyLine();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lianxin.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Lianxin.slnx not found above the test binaries.");
    }
}
