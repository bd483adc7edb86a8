namespace Lianxin.WebHost.Security;

/// <summary>
/// Whether a configured token signing key is fit for a deployment. Outside Development a key that anyone could know
/// (the placeholder shipped in <c>k8s/secret.yaml</c>, any "change me" text) or guess (few distinct characters, a
/// repeated pattern, too little entropy) would let them sign their own operator tokens, so the host refuses to start.
/// </summary>
public static class SigningKeyRule
{
    public const int MinLength = 32;

    /// <summary>The fewest bits the key's own character frequencies must carry (a random 32-character hex key has ~110).</summary>
    public const double MinEntropyBits = 96;

    public const int MinDistinctCharacters = 10;

    /// <summary>Text found in placeholders, which people copy unchanged.</summary>
    private static readonly string[] PlaceholderMarks = ["changeme", "change-me", "change_me", "placeholder", "example", "replace-me", "replaceme", "your-key", "yourkey"];

    /// <summary>Null when the key may sign tokens here; otherwise why not.</summary>
    public static string? Problem(string key, bool development)
    {
        if (key.Length < MinLength)
        {
            return $"Auth:SigningKey must be at least {MinLength} characters.";
        }

        if (development)
        {
            return null;
        }

        if (PlaceholderMarks.FirstOrDefault(m => key.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } mark)
        {
            return $"Auth:SigningKey is a placeholder (it contains '{mark}'): anyone could sign tokens with it. Generate one, e.g. `openssl rand -base64 48`.";
        }

        if (key.Distinct().Count() < MinDistinctCharacters || RepeatsAShorterUnit(key) || EntropyBits(key) < MinEntropyBits)
        {
            return $"Auth:SigningKey is too easy to guess (a repeated pattern, fewer than {MinDistinctCharacters} distinct characters or under {MinEntropyBits} bits). Generate one, e.g. `openssl rand -base64 48`.";
        }

        return null;
    }

    /// <summary>The key's length times the Shannon entropy of its character frequencies: an upper bound on what it hides.</summary>
    public static double EntropyBits(string key)
    {
        var bits = 0.0;
        foreach (var group in key.GroupBy(c => c))
        {
            var p = (double)group.Count() / key.Length;
            bits -= p * Math.Log2(p);
        }

        return bits * key.Length;
    }

    private static bool RepeatsAShorterUnit(string key)
    {
        for (var period = 1; period <= key.Length / 2; period++)
        {
            var repeats = true;
            for (var i = period; i < key.Length && repeats; i++)
            {
                repeats = key[i] == key[i - period];
            }

            if (repeats)
            {
                return true;
            }
        }

        return false;
    }
}
