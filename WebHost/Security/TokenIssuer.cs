using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lianxin.WebHost.Security;

/// <summary>Issues self-signed tokens: for development and demo mode (and the tests that exercise them), and for residents who sign in.</summary>
public sealed class TokenIssuer(AuthOptions options, SecurityKey key)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(Caller caller) => Issue(caller, options.DevTokenLifetime);

    /// <summary>A token that lasts <paramref name="lifetime"/> (residents' sign-in: hours by phone, minutes at a kiosk).</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(Caller caller, TimeSpan lifetime)
    {
        var expires = DateTimeOffset.UtcNow + lifetime;
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
