using System.Security.Cryptography;
using System.Text;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>
/// An emergency's id comes from who launched it and the client's idempotency key, so a double-pressed button
/// reaches the same emergency actor twice and the second press starts nothing.
/// </summary>
public static class EmergencyIds
{
    public const int MaxKeyLength = 200;

    public static string FromKey(string launcher, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{launcher}\n{idempotencyKey}"));
        return "em-" + Convert.ToHexStringLower(hash)[..20];
    }

    /// <summary>Null when the key is usable; otherwise why not.</summary>
    public static string? CheckKey(string? key) => key switch
    {
        null or "" => "Send an Idempotency-Key header: a double press must start one emergency.",
        { Length: > MaxKeyLength } => $"The Idempotency-Key must be at most {MaxKeyLength} characters.",
        _ when key.Any(char.IsControl) => "The Idempotency-Key must not contain control characters.",
        _ => null,
    };
}
