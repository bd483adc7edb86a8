using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace Lianxin.WebHost.Security;

/// <summary>JWT bearer authentication and the policy every endpoint requires: a known role with a scope.</summary>
public static partial class AuthConfiguration
{
    /// <summary>
    /// Every role of the people who run the centers (operators, staff, grid leads, volunteers, auditors), not residents:
    /// a route admits residents only when it says so, so a route added later is closed to them until it decides.
    /// </summary>
    public const string AnyRolePolicy = "AnyRole";

    /// <summary>The routes a resident may use too (their own sign-ups, orders, ratings and ledger); the handlers check whose.</summary>
    public const string AnyRoleOrResidentPolicy = "AnyRoleOrResident";

    /// <summary>The resident's own routes (<c>/api/v1/me/…</c>).</summary>
    public const string ResidentPolicy = "Resident";

    private const string OverFailedSignInsItem = "lianxin.overFailedSignIns";

    public static WebApplicationBuilder AddLianxinAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();
        var key = ResolveSigningKey(builder, options);
        builder.Services.AddSingleton(new TokenIssuer(options, key));
        builder.Services.AddSingleton<ScopeResolver>();
        builder.Services.AddSingleton(PersonPseudonyms.FromConfiguration(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                if (options.Authority is { Length: > 0 } authority)
                {
                    jwt.Authority = authority;
                    jwt.Audience = options.Audience;
                    return;
                }

                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = key,
                    RoleClaimType = Caller.RoleClaim,
                    NameClaimType = Caller.SubjectClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                // SignalR clients in browsers cannot set headers on WebSockets: they pass the token in the query.
                jwt.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = context =>
                    {
                        var failures = context.HttpContext.RequestServices.GetRequiredService<Limits.FailedAuthentications>();
                        var address = context.HttpContext.Connection.RemoteIpAddress;
                        // Over the allowance before this failure: this one is answered 429 by the challenge.
                        if (failures.IsBlocked(address))
                        {
                            context.HttpContext.Items[OverFailedSignInsItem] = true;
                        }

                        failures.Failed(address);
                        return Task.CompletedTask;
                    },
                    // A failed token from an address over its failed sign-ins is told to wait, not invited to try again.
                    OnChallenge = async context =>
                    {
                        var http = context.HttpContext;
                        if (context.AuthenticateFailure is not null && http.Items.ContainsKey(OverFailedSignInsItem))
                        {
                            context.HandleResponse();
                            await Limits.AuthenticationAttemptLimit.RefuseAsync(
                                http, http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Limits.LimitsOptions>>().Value);
                        }
                    },
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments("/hubs")
                            && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AnyRolePolicy, policy => policy.RequireAssertion(context => Caller.From(context.User) is { Role: not Role.Resident }))
            .AddPolicy(AnyRoleOrResidentPolicy, policy => policy.RequireAssertion(context => Caller.From(context.User) is not null))
            .AddPolicy(ResidentPolicy, policy => policy.RequireAssertion(context => Caller.From(context.User) is { Role: Role.Resident }));
        return builder;
    }

    /// <summary>True where development tokens may be issued: the Development environment and explicit demo mode.</summary>
    public static bool DevTokensAllowed(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() || Demo.DemoMode.IsEnabled(configuration);

    private static SymmetricSecurityKey ResolveSigningKey(WebApplicationBuilder builder, AuthOptions options)
    {
        if (options.SigningKey is { } configured)
        {
            return SigningKeyRule.Problem(configured, builder.Environment.IsDevelopment()) is { } problem
                ? throw new InvalidOperationException(problem)
                : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
        }

        if (options.Authority is null && !DevTokensAllowed(builder.Environment, builder.Configuration))
        {
            throw new InvalidOperationException("Configure Auth:SigningKey or Auth:Authority: outside development and demo mode tokens need a known key.");
        }

        // Development and demo only: a key that dies with the process, so tokens from an earlier run stop working.
        return new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
    }
}
