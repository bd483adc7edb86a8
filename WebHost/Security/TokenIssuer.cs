using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lianxin.WebHost.Security;

/// <summary>Issues self-signed tokens: for development and demo mode (and the tests that exercise them), and for residents who sign in.</summary>
public sealed class TokenIssuer(AuthOptions options, SecurityKey key)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(Caller caller) => Issue(caller, options.DevTokenLifetime);

    /// <summary>A token that lasts <paramref name="lifetime"/> (residents' sign-in: hours by phone, minutes at a kiosk).</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(Caller caller, TimeSpan lifetime) => Issue(caller, DateTimeOffset.UtcNow + lifetime);

    /// <summary>A token that ends at <paramref name="expiresAt"/>: a session's new token after a link ends when the old one did.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(Caller caller, DateTimeOffset expiresAt)
    {
        var claims = new Dictionary<string, object>
        {
            [Caller.SubjectClaim] = caller.Subject,
            [Caller.RoleClaim] = Apis.EnumNames.Of(caller.Role),
            [Caller.ScopeClaim] = caller.ScopeId,
        };
        if (caller.SignedInBy is { } method)
        {
            claims[Caller.MethodClaim] = new[] { method };
        }

        if (caller.Aliases.Count > 0)
        {
            claims[Caller.AliasClaim] = caller.Aliases.ToArray();
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Expires = expiresAt.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expiresAt);
    }
}
