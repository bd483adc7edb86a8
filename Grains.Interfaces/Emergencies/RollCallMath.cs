namespace Lianxin.Emergencies;

/// <summary>Arithmetic the roll-call views share.</summary>
public static class RollCallMath
{
    /// <summary>A percentage with one decimal; 0 of nothing is 0 %.</summary>
    public static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
