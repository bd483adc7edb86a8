using Lianxin.Grids;

namespace Lianxin.Listings;

/// <summary>A person as the registry list shows them; the web host masks <see cref="Phone"/> as it does everywhere.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.VolunteerListItem")]
public sealed record VolunteerListItem(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Phone,
    [property: Id(3)] bool IsPartyMember,
    [property: Id(4)] bool IsMobilePartyMember,
    [property: Id(5)] bool IsInServicePartyMember,
    [property: Id(6)] string HomeGridId,
    [property: Id(7)] GridRole GridRole,
    [property: Id(8)] IReadOnlyList<string> Skills);
