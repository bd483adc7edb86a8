using Lianxin.Common;

namespace Lianxin.Centers;

/// <summary>
/// A center and everything below it, summed: what a district or street command center watches.
/// Kept current by the centers below, which report their own subtree upwards.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.SubtreeSummary")]
public sealed record SubtreeSummary(
    [property: Id(0)] IReadOnlyDictionary<CenterLevel, int> CentersByLevel,
    [property: Id(1)] int PeopleInside,
    [property: Id(2)] int VolunteersOnDuty,
    [property: Id(3)] int OpenHelpRequests,
    [property: Id(4)] int KiosksOnline,
    [property: Id(5)] IReadOnlyDictionary<BasicFunction, int> CheckInsTodayByFunction)
{
    /// <summary>The summary of a subtree with nothing in it.</summary>
    public static SubtreeSummary Empty { get; } =
        new(new Dictionary<CenterLevel, int>(), 0, 0, 0, 0, new Dictionary<BasicFunction, int>());

    /// <summary>Total number of centers in the subtree.</summary>
    public int Centers => CentersByLevel.Values.Sum();
}
