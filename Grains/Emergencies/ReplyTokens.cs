using System.Security.Cryptography;
using System.Text;

namespace Lianxin.Emergencies;

/// <summary>
/// Per-recipient reply tokens: an HMAC of the emergency and the person under the emergency's own secret, so a token
/// cannot be guessed, names exactly one person in exactly one emergency, and needs no storage of its own.
/// </summary>
public sealed class ReplyTokens
{
    /// <summary>128 bits of the MAC: unguessable, and short enough for an SMS link.</summary>
    private const int TokenBytes = 16;

    private readonly byte[] _secret;
    private readonly string _emergencyId;

    public ReplyTokens(byte[] secret, string emergencyId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(secret.Length, 32);
        _secret = secret;
        _emergencyId = emergencyId;
    }

    /// <summary>A fresh random secret for a new emergency.</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(32);

    /// <summary>The token of one person in this emergency.</summary>
    public string For(string volunteerId)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes($"{_emergencyId}\n{volunteerId}"), mac);
        return Base64Url(mac[..TokenBytes]);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
