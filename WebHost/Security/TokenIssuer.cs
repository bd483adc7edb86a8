using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lianxin.WebHost.Security;

/// <summary>Issues self-signed tokens for development and demo mode (and for the tests that exercise them).</summary>
public sealed class TokenIssuer(AuthOptions options, SecurityKey key)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(Caller caller)
    {
        var expires = DateTimeOffset.UtcNow + options.DevTokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [Caller.SubjectClaim] = caller.Subject,
                [Caller.RoleClaim] = Apis.EnumNames.Of(caller.Role),
                [Caller.ScopeClaim] = caller.ScopeId,
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
