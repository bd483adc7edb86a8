using Lianxin.WebHost.Security;
using Lianxin.WebHost.Security.Residents;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Apis.Residents;

/// <summary>What the resident sign-in handlers work with, bound as one parameter (<c>[AsParameters]</c>).</summary>
internal sealed record ResidentSignInServices(
    HttpContext Http,
    PersonPseudonyms Pseudonyms,
    ResidentSignInLimits Limits,
    ResidentCodeDisplay Display,
    IOptions<ResidentOptions> Options,
    IGrainFactory Grains,
    ScopeResolver Scopes,
    TokenIssuer Issuer,
    AuditTrail Audit);
