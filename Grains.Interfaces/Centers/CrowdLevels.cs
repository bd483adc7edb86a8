namespace Lianxin.Centers;

/// <summary>People inside against capacity, in three words: what occupancy pages show instead of a count.</summary>
public static class CrowdLevels
{
    /// <summary>The share of capacity from which a center is <see cref="CrowdLevel.Normal"/>.</summary>
    public const double NormalFrom = 0.3;

    /// <summary>The share of capacity from which a center is <see cref="CrowdLevel.Busy"/>.</summary>
    public const double BusyFrom = 0.7;

    /// <summary>The crowd level of <paramref name="peopleInside"/> people in a center holding <paramref name="capacity"/> (no capacity counts as busy).</summary>
    public static CrowdLevel Of(int peopleInside, int capacity)
    {
        var share = capacity <= 0 ? 1 : (double)Math.Max(0, peopleInside) / capacity;
        return share >= BusyFrom ? CrowdLevel.Busy : share >= NormalFrom ? CrowdLevel.Normal : CrowdLevel.Quiet;
    }
}
