using Lianxin.Common;

namespace Lianxin.Centers;

/// <summary>What is happening at one center now.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CenterLive")]
public sealed record CenterLive(
    [property: Id(0)] int PeopleInside,
    [property: Id(1)] IReadOnlyDictionary<BasicFunction, int> CheckInsTodayByFunction,
    [property: Id(2)] int VolunteersOnDuty,
    [property: Id(3)] int OpenHelpRequests,
    [property: Id(4)] int KiosksOnline)
{
    /// <summary>A center nobody has visited yet.</summary>
    public static CenterLive Empty { get; } = new(0, new Dictionary<BasicFunction, int>(), 0, 0, 0);
}
