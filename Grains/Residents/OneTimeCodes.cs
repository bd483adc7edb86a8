using System.Security.Cryptography;
using System.Text;

namespace Lianxin.Residents;

/// <summary>
/// The rules of one-time sign-in codes, as pure functions over <see cref="SignInCodeState"/>: six random digits, kept
/// as a salted SHA-256 hash, valid until they expire, used up by the first right answer, withdrawn after the last
/// allowed wrong one. Comparison is in constant time.
/// </summary>
public static class OneTimeCodes
{
    /// <summary>A fresh code from the system's cryptographic generator.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Replaces whatever the state held with <paramref name="code"/>, valid until <paramref name="expiresAt"/>.</summary>
    public static void Issue(SignInCodeState state, string code, DateTimeOffset expiresAt)
    {
        state.Salt = RandomNumberGenerator.GetBytes(16);
        state.Hash = Hash(state.Salt, code);
        state.ExpiresAt = expiresAt;
        state.WrongAttempts = 0;
    }

    /// <summary>Withdraws the code (used, expired, or undeliverable).</summary>
    public static void Withdraw(SignInCodeState state)
    {
        state.Hash = null;
        state.Salt = [];
        state.WrongAttempts = 0;
    }

    /// <summary>Checks <paramref name="code"/> at <paramref name="now"/>, changing the state as the answer says.</summary>
    public static SignInCodeCheck Check(SignInCodeState state, string code, DateTimeOffset now, int maxAttempts)
    {
        if (state.Hash is null)
        {
            return new SignInCodeCheck(SignInCodeOutcome.NoCode, 0);
        }

        if (now >= state.ExpiresAt)
        {
            Withdraw(state);
            return new SignInCodeCheck(SignInCodeOutcome.Expired, 0);
        }

        if (CryptographicOperations.FixedTimeEquals(state.Hash, Hash(state.Salt, code)))
        {
            Withdraw(state);
            return new SignInCodeCheck(SignInCodeOutcome.Verified, 0);
        }

        state.WrongAttempts++;
        var left = Math.Max(0, maxAttempts - state.WrongAttempts);
        if (left == 0)
        {
            Withdraw(state);
            return new SignInCodeCheck(SignInCodeOutcome.AttemptsUsed, 0);
        }

        return new SignInCodeCheck(SignInCodeOutcome.Wrong, left);
    }

    private static byte[] Hash(byte[] salt, string code) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(code)]);
}
