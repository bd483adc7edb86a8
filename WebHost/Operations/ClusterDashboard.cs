using Lianxin.Hosting.Operations;
using Lianxin.WebHost.Security;
using Orleans.Dashboard;

namespace Lianxin.WebHost.Operations;

/// <summary>
/// Orleans' own dashboard at <c>/cluster/</c>: silos, activations by grain type, grain-call rates and latencies,
/// reminders. Operators only. Its grain-state viewer is refused to everyone: actors' state holds people's data, which
/// the product shows only through its own scoped, masked endpoints.
/// </summary>
public static class ClusterDashboard
{
    public const string Path = "/cluster";

    public const string OperatorPolicy = "Operator";

    public static WebApplicationBuilder AddClusterDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorPolicy, policy => policy.RequireAssertion(context => Caller.From(context.User)?.Role == Role.Operator));
        return builder;
    }

    public static WebApplication MapClusterDashboard(this WebApplication app)
    {
        var telemetry = app.Configuration.ReadTelemetryOptions();
        if (!telemetry.Enabled || !telemetry.ClusterDashboard)
        {
            return app;
        }

        app.MapOrleansDashboard(Path)
            .RequireAuthorization(OperatorPolicy)
            .AddEndpointFilter(async (context, next) => IsRefused(context.HttpContext.Request.Path)
                ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                    detail: "Actors' stored state is not shown here: it holds people's data.")
                : await next(context))
            .ExcludeFromDescription();
        return app;
    }

    private static bool IsRefused(PathString path) =>
        path.StartsWithSegments($"{Path}/GrainState") || path.StartsWithSegments($"{Path}/Trace");
}
