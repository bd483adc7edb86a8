using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lianxin.EventFeed;

/// <summary>
/// The push signature: <c>Lianxin-Signature: t={unix seconds},v1={hex HMAC-SHA256(secret, "{t}.{body}")}</c>. The
/// receiver recomputes it over the raw body with its copy of the secret and compares in constant time; the timestamp lets
/// it refuse old replays. Pure.
/// </summary>
public static class EventSignature
{
    public const string Header = "Lianxin-Signature";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>True when <paramref name="header"/> is the signature of <paramref name="body"/> with <paramref name="secret"/>.</summary>
    public static bool Verify(string secret, string header, ReadOnlySpan<byte> body)
    {
        var parts = header.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !parts[0].StartsWith("t=", StringComparison.Ordinal)
            || !long.TryParse(parts[0][2..], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(header.Replace(" ", "", StringComparison.Ordinal)));
    }

    /// <summary>A new secret: 32 random bytes, base64url.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
