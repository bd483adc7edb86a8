using Lianxin.Common;

namespace Lianxin.Centers;

/// <summary>The part of a center's live state that its kiosks drive, reported whole by the center's activity actor.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CenterActivityFigures")]
public sealed record CenterActivityFigures(
    [property: Id(0)] int PeopleInside,
    [property: Id(1)] IReadOnlyDictionary<BasicFunction, int> CheckInsTodayByFunction,
    [property: Id(2)] int OpenHelpRequests,
    [property: Id(3)] int KiosksOnline);
