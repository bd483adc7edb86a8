namespace Lianxin.Centers;

/// <summary>
/// How many people a center holds at once: the capacity its profile states, else one person per
/// <see cref="SquareMetersPerPerson"/> of floor area (a reading-room and activity-room density), at least
/// <see cref="Minimum"/>, so a small community room is not "busy" with three people in it.
/// </summary>
public static class CenterCapacity
{
    public const double SquareMetersPerPerson = 5;

    public const int Minimum = 10;

    public static int Of(CenterProfile profile) =>
        profile.Capacity is { } stated and > 0 ? stated : Math.Max(Minimum, (int)(profile.FloorAreaSqm / SquareMetersPerPerson));
}
