namespace Lianxin.WebHost.Demo;

/// <summary>
/// Whether demo mode is on: only when <c>Demo:Enabled</c> is set to true. It is off by default in every environment,
/// because it loads a made-up district and lets anyone mint tokens; <c>dotnet run</c> turns it on through
/// <c>Properties/launchSettings.json</c>.
/// </summary>
public static class DemoMode
{
    public const string EnabledKey = "Demo:Enabled";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue(EnabledKey, false);
}
