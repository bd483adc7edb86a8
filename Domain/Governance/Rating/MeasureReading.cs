namespace Lianxin.Governance;

/// <summary>
/// What one measure read from the evidence: the share of its weight earned (0–1), or null when the evidence is
/// missing, and the numbers behind it in words.
/// </summary>
public sealed record MeasureReading(double? Fraction, string Evidence)
{
    public static MeasureReading Missing(string what) => new(null, $"No evidence: {what}.");

    /// <summary>
    /// Linear between <paramref name="zeroAt"/> (no points) and <paramref name="fullAt"/> (full points), clamped;
    /// works both ways, so "lower is better" measures pass zeroAt &gt; fullAt.
    /// </summary>
    public static double Ramp(double value, double zeroAt, double fullAt)
    {
        var t = (value - zeroAt) / (fullAt - zeroAt);
        return Math.Clamp(t, 0, 1);
    }
}
