namespace Lianxin.Centers;

/// <summary>
/// How many people a center holds at once: the capacity its profile states, else one person per
/// <see cref="SquareMetersPerPerson"/> of floor area (a reading-room and activity-room density), at least
/// <see cref="Minimum"/>, so a small community room is not "busy" with three people in it.
/// </summary>
public static class CenterCapacity
{
    /// <summary>Floor area per person when the profile states no capacity.</summary>
    public const double SquareMetersPerPerson = 5;

    /// <summary>The least capacity a center is given from its floor area.</summary>
    public const int Minimum = 10;

    /// <summary>How many people the center holds at once.</summary>
    public static int Of(CenterProfile profile) =>
        profile.Capacity is { } stated and > 0 ? stated : Math.Max(Minimum, (int)(profile.FloorAreaSqm / SquareMetersPerPerson));
}
