using Lianxin.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Lianxin.WebHost.Security;

/// <summary>The kiosk authentication scheme, the policy of the kiosk protocol endpoints, and its entry in the OpenAPI document.</summary>
public static class KioskAuthConfiguration
{
    public static WebApplicationBuilder AddKioskAuth(this WebApplicationBuilder builder)
    {
        // The protocol endpoints read the kiosk rules and the centers' clock; in client mode no silo registers them here.
        builder.Services.AddLianxinKiosks(builder.Configuration);
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, KioskAuthentication>(KioskAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(KioskAuthentication.Policy, new AuthorizationPolicyBuilder(KioskAuthentication.SchemeName)
            .RequireClaim(KioskAuthentication.KioskClaim)
            .Build());
        builder.Services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[KioskAuthentication.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "Authorization",
                Description = "Kiosk device key: 'Kiosk {kioskId}.{key}'. Center staff register a key with POST /api/v1/kiosks/{id}/keys "
                    + "and see it once. A wrong or revoked key is answered 401; a valid key used for another kiosk's id 403.",
            };
            return Task.CompletedTask;
        }));
        return builder;
    }
}
