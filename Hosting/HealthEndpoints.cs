using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lianxin.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers (no grain calls, so a busy cluster never gets a pod killed);
/// <c>/health/ready</c>: the cluster answers a grain call and the database a query.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Checks with this tag decide <c>/health/ready</c>; a host adds its own (the demo load, for one).</summary>
    public const string ReadyTag = "ready";

    public static IServiceCollection AddLianxinHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag])
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapLianxinHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).WithTags("Health");
        return app;
    }
}
