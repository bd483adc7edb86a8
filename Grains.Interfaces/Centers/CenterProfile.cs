using Lianxin.Common;

namespace Lianxin.Centers;

/// <summary>
/// The registry facts of a center, as written by operators and staff. <see cref="Capacity"/> is how many people it
/// holds at once (null: derived from the floor area, see <see cref="CenterCapacity"/>); <see cref="Address"/> is its
/// street address as the public page shows it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CenterProfile")]
public sealed record CenterProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] CenterLevel Level,
    [property: Id(2)] string? ParentId,
    [property: Id(3)] GeoPoint Location,
    [property: Id(4)] double FloorAreaSqm,
    [property: Id(5)] int? Households,
    [property: Id(6)] OpeningHours OpeningHours,
    [property: Id(7)] bool SelfService24h,
    [property: Id(8)] IReadOnlyList<StaffMember> Staff,
    [property: Id(9)] IReadOnlyList<BasicFunction> Functions,
    [property: Id(10)] AreaExemption? AreaExemption,
    [property: Id(11)] int? Capacity = null,
    [property: Id(12)] string? Address = null);
