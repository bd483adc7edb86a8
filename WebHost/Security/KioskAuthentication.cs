using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Lianxin.Kiosks;
using Lianxin.WebHost.Limits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Security;

/// <summary>
/// Kiosk device keys: <c>Authorization: Kiosk {kioskId}.{key}</c>. The key is hashed here (SHA-256: it is 256
/// random bits, so no slow hash is needed) and compared with the hash the kiosk's actor holds; the key itself never
/// travels past the web host.
/// </summary>
public sealed partial class KioskAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IGrainFactory grains, FailedAuthentications failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Kiosk";
    public const string Policy = "KioskDevice";
    public const string KioskClaim = "kiosk_id";
    public const string CenterClaim = "center_id";

    /// <summary>The kiosk id a <c>Kiosk {kioskId}.{key}</c> header claims (unproven), or null.</summary>
    public static string? KioskIdOf(string authorizationHeader) =>
        authorizationHeader.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase)
        && CredentialPattern().Match(authorizationHeader[(SchemeName.Length + 1)..].Trim()) is { Success: true } match
            ? match.Groups["kiosk"].Value
            : null;

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>A new device key: 256 random bits, base64url.</summary>
    public static string NewKey() => Base64Url(RandomNumberGenerator.GetBytes(32));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var match = CredentialPattern().Match(header[(SchemeName.Length + 1)..].Trim());
        if (!match.Success)
        {
            return AuthenticateResult.Fail("The credential must be 'Kiosk {kioskId}.{key}'.");
        }

        var kioskId = match.Groups["kiosk"].Value;
        var address = Context.Connection.RemoteIpAddress;
        // Checked again here, not only before authentication: concurrent guesses may all have passed that check.
        if (!failures.MayCheckKiosk(address, kioskId))
        {
            return AuthenticateResult.Fail("Too many failed sign-ins from this address.");
        }

        var centerId = await grains.GetGrain<IKioskGrain>(kioskId).AuthenticateAsync(Hash(match.Groups["key"].Value));
        if (centerId is null)
        {
            failures.Failed(address);
            return AuthenticateResult.Fail("Unknown kiosk or wrong device key.");
        }

        failures.KioskProven(kioskId);

        var identity = new ClaimsIdentity([new Claim(KioskClaim, kioskId), new Claim(CenterClaim, centerId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        return Task.CompletedTask;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^(?<kiosk>[a-z0-9][a-z0-9-]{0,63})\\.(?<key>[A-Za-z0-9_-]{16,128})$")]
    private static partial Regex CredentialPattern();
}
