namespace Lianxin.WebHost.Security;

/// <summary>Token settings, bound from the <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// An external OpenID Connect authority that issues the tokens. When set, <see cref="SigningKey"/> is not used;
    /// the authority's tokens must carry the <c>role</c> and <c>scope_id</c> claims.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The HMAC-SHA256 key for self-issued tokens: at least 32 characters, the same on every web host.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "lianxin";

    public string Audience { get; set; } = "lianxin";

    /// <summary>How long a development token lives.</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
