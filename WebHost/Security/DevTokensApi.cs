using Lianxin.WebHost.Apis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Security;

/// <summary>
/// <c>POST /api/v1/dev/tokens</c>: a token for any role and scope, so a demo or a developer can sign in
/// without an identity provider. Mapped only in Development and demo mode.
/// </summary>
public static class DevTokensApi
{
    public static IEndpointRouteBuilder MapDevTokensApi(this IEndpointRouteBuilder app)
    {
        var services = app.ServiceProvider;
        if (!AuthConfiguration.DevTokensAllowed(services.GetRequiredService<IHostEnvironment>(), services.GetRequiredService<IConfiguration>()))
        {
            return app;
        }

        app.MapPost("/api/v1/dev/tokens", IssueToken)
            .WithTags("Development")
            .WithSummary("Issue a development token for a role and scope (development and demo mode only).");
        return app;
    }

    private static Results<Ok<DevTokenResponse>, ValidationProblem> IssueToken(DevTokenRequest request, TokenIssuer issuer)
    {
        var v = new Validation();
        var role = v.Enum<Role>("role", request.Role);
        var scope = v.Id("scopeId", request.ScopeId);
        var subject = request.Subject is null ? scope : v.Text("subject", request.Subject, 64);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var (token, expiresAt) = issuer.Issue(new Caller(subject, role, scope));
        return TypedResults.Ok(new DevTokenResponse(token, expiresAt));
    }
}

/// <summary>Which role and scope the development token is for.</summary>
public sealed record DevTokenRequest(string? Role, string? ScopeId, string? Subject);

/// <summary>A bearer token and when it expires.</summary>
public sealed record DevTokenResponse(string Token, DateTimeOffset ExpiresAt);
