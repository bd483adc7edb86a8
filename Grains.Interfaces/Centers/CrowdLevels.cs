namespace Lianxin.Centers;

/// <summary>People inside against capacity, in three words: what occupancy pages show instead of a count.</summary>
public static class CrowdLevels
{
    public const double NormalFrom = 0.3;

    public const double BusyFrom = 0.7;

    public static CrowdLevel Of(int peopleInside, int capacity)
    {
        var share = capacity <= 0 ? 1 : (double)Math.Max(0, peopleInside) / capacity;
        return share >= BusyFrom ? CrowdLevel.Busy : share >= NormalFrom ? CrowdLevel.Normal : CrowdLevel.Quiet;
    }
}
