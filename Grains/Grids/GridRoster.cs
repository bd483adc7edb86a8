namespace Lianxin.Grids;

/// <summary>Rules of the "1+3+N" grid work force.</summary>
public static class GridRoster
{
    /// <summary>The lead and the instructor are one person per grid; workers and members are many.</summary>
    public static bool HoldsSingleSeat(GridRole role) => role is GridRole.Lead or GridRole.Instructor;
}
