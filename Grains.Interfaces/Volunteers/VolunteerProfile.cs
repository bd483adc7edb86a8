using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.Grids;

namespace Lianxin.Volunteers;

/// <summary>
/// The registry facts of a person: a volunteer or party member. <see cref="Channels"/> is the order in which
/// emergency messages try to reach them (null: the deployment's default order).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.VolunteerProfile")]
public sealed record VolunteerProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string Phone,
    [property: Id(2)] bool IsPartyMember,
    [property: Id(3)] bool IsMobilePartyMember,
    [property: Id(4)] bool IsInServicePartyMember,
    [property: Id(5)] string HomeGridId,
    [property: Id(6)] GridRole GridRole,
    [property: Id(7)] IReadOnlyList<string> Skills,
    [property: Id(8)] GeoPoint? Home,
    [property: Id(9)] IReadOnlyList<AlertChannel>? Channels = null);
