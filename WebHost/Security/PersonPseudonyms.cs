using System.Security.Cryptography;
using System.Text;

namespace Lianxin.WebHost.Security;

/// <summary>
/// Turns a personal number a kiosk sends as a person id (a phone or ID-card number: residents known only by their
/// card) into a keyed pseudonym at the protocol edge, so no such number is stored, logged or put in a URL: the
/// ledger, visits and help requests of that resident are keyed <c>pid-…</c>. The same number always gives the same
/// pseudonym under one key (HMAC-SHA256, <c>PersonalData:PseudonymKey</c>); without the key it cannot be reversed
/// or recomputed from a number. Registry ids pass unchanged.
/// </summary>
public sealed class PersonPseudonyms(byte[] key)
{
    public const string Prefix = "pid-";
    public const string KeySetting = "PersonalData:PseudonymKey";

    /// <summary>20 bytes of the MAC: no two residents of a city collide, and it stays well under the 64-character id limit.</summary>
    private const int PseudonymBytes = 20;

    /// <summary>The id to store for what a kiosk sent as a person id.</summary>
    public string Of(string personId)
    {
        if (!PersonalData.LooksPersonal(personId))
        {
            return personId;
        }

        // One spelling per number: a trailing 'x' of an ID card and a +86 prefix of a phone name the same person.
        var number = personId.ToUpperInvariant();
        number = number.StartsWith("+86", StringComparison.Ordinal) ? number[3..] : number.StartsWith("86", StringComparison.Ordinal) && number.Length == 13 ? number[2..] : number;
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(number));
        return Prefix + Convert.ToHexStringLower(mac.AsSpan(0, PseudonymBytes));
    }

    /// <summary>
    /// The configured key; without one, a key derived from the token signing key (stable as long as that key is), or
    /// in Development a fixed one. A host outside Development with neither refuses to start: pseudonyms must not
    /// change on a restart, or a resident's ledger would split.
    /// </summary>
    public static PersonPseudonyms FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[KeySetting] is { Length: > 0 } configured)
        {
            return configured.Length >= 32
                ? new PersonPseudonyms(Encoding.UTF8.GetBytes(configured))
                : throw new InvalidOperationException($"{KeySetting} must be at least 32 characters.");
        }

        if (configuration["Auth:SigningKey"] is { Length: > 0 } signingKey)
        {
            return new PersonPseudonyms(SHA256.HashData(Encoding.UTF8.GetBytes($"lianxin person pseudonym\n{signingKey}")));
        }

        return environment.IsDevelopment() || Demo.DemoMode.IsEnabled(configuration)
            ? new PersonPseudonyms(SHA256.HashData("lianxin development person pseudonym"u8))
            : throw new InvalidOperationException($"Configure {KeySetting} (or Auth:SigningKey): personal numbers kiosks send are stored only as keyed pseudonyms.");
    }
}
