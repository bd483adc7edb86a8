using System.Text.Json;
using System.Text.Json.Serialization;
using Lianxin.WebHost.Limits;
using Scalar.AspNetCore;

namespace Lianxin.WebHost.Hosting;

/// <summary>JSON conventions, RFC 9457 problem details, and the OpenAPI document with its reference UI.</summary>
public static class ApiConfiguration
{
    public static IServiceCollection AddLianxinApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
        services.AddProblemDetails();
        services.AddSingleton<Apis.Emergencies.KnownEmergencies>();
        // Unreadable requests raise BadHttpRequestException everywhere (not only in Development), so that
        // BadRequestExceptionHandler can say what was wrong with them.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<ClusterUnavailableExceptionHandler>();
        services.AddOpenApi();
        return services;
    }

    /// <summary>
    /// Turns every error answer into problem details, including the bare 400/401/403/404/415 that the
    /// framework answers on its own (malformed JSON, a missing token).
    /// </summary>
    public static WebApplication UseLianxinApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthenticationAttemptLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapScalarApiReference("/api", options => options.WithTitle("Lianxin API"));
        return app;
    }
}
