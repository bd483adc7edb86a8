namespace Lianxin.WebHost.Demo;

/// <summary>
/// Says loudly, at start, that a host outside Development runs in demo mode: anyone who reaches it can mint an
/// operator token at <c>POST /api/v1/dev/tokens</c>. Demo mode there is allowed (a showroom, a drill) but never silent.
/// </summary>
internal sealed partial class DemoModeWarning(ILogger<DemoModeWarning> logger, IHostEnvironment environment) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogDemoModeOn(environment.EnvironmentName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, EventName = "DemoModeOutsideDevelopment",
        Message = "DEMO MODE IS ON in the {Environment} environment (Demo:Enabled=true): POST /api/v1/dev/tokens issues a token for ANY role and scope to ANYONE who can reach this host, and the demo district is loaded. Never run a real deployment like this: set Demo:Enabled=false.")]
    private partial void LogDemoModeOn(string environment);
}
