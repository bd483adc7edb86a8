using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Lianxin.Bench.Harness;

/// <summary>
/// Bearer tokens the product's hosts accept: HMAC-SHA256 JWTs signed with the <c>Auth:SigningKey</c> the harness
/// gives every host it starts, with the claims the product reads (<c>role</c>, <c>scope_id</c>, <c>sub</c>).
/// </summary>
internal static class DevToken
{
    public const string SigningKey = "lianxin-bench-signing-key-of-at-least-32-characters";

    public static string Issue(string role, string scopeId, string? subject = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "lianxin",
            ["aud"] = "lianxin",
            ["iat"] = now,
            ["nbf"] = now - 60,
            ["exp"] = now + 12 * 3600,
            ["sub"] = subject ?? scopeId,
            ["role"] = role,
            ["scope_id"] = scopeId,
        }));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningKey), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Encode(signature)}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
