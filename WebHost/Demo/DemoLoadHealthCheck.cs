using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lianxin.WebHost.Demo;

/// <summary>Ready once the demo district is loaded; never while it loads, and never if its load failed.</summary>
internal sealed class DemoLoadHealthCheck(DemoDistrictLoader loader) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var loaded = loader.Loaded;
        var (done, total) = loader.Progress;
        return Task.FromResult(
            loaded.IsCompletedSuccessfully ? HealthCheckResult.Healthy()
            : loaded.IsFaulted ? HealthCheckResult.Unhealthy("Loading the demo district failed; see the log.")
            : HealthCheckResult.Unhealthy($"Loading the demo district: {done} of {total} records."));
    }
}
