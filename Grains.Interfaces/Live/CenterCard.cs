using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.Live;

/// <summary>
/// What a dashboard shows of one center: where it is, when it is staffed, what is happening there now, and how
/// many kiosks it has (so offline ones stand out: <c>KiosksRegistered − Live.KiosksOnline</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CenterCard")]
public sealed record CenterCard(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] CenterLevel Level,
    [property: Id(3)] string? ParentId,
    [property: Id(4)] GeoPoint Location,
    [property: Id(5)] OpeningHours OpeningHours,
    [property: Id(6)] bool SelfService24h,
    [property: Id(7)] CenterLive Live,
    [property: Id(8)] int KiosksRegistered,
    [property: Id(9)] int Grids,
    [property: Id(10)] DateTimeOffset AsOf) : ILiveItem
{
    /// <summary>The card of a center from its profile, live figures and counts, as of <paramref name="asOf"/>.</summary>
    public static CenterCard From(string id, CenterProfile profile, CenterLive live, int kiosks, int grids, DateTimeOffset asOf) =>
        new(id, profile.Name, profile.Level, profile.ParentId, profile.Location, profile.OpeningHours, profile.SelfService24h,
            live, kiosks, grids, asOf);

    /// <summary>The card of a center from its snapshot, as of <paramref name="asOf"/>.</summary>
    public static CenterCard From(CenterSnapshot center, DateTimeOffset asOf) =>
        From(center.Id, center.Profile, center.Live, center.KioskIds.Count, center.GridIds.Count, asOf);
}
