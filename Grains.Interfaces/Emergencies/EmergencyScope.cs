using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>
/// Who an emergency reaches. <see cref="Ids"/> are grid ids (<see cref="ScopeKind.Grids"/>), center ids
/// (<see cref="ScopeKind.Centers"/>), the one region center (<see cref="ScopeKind.Region"/>) or volunteer team ids
/// (<see cref="ScopeKind.Teams"/>, whose people are reached only inside <see cref="WithinCenterId"/> when set). A
/// drawn shape is looked for inside a bound: the launcher's region (<see cref="WithinCenterId"/>) or grid
/// (<see cref="WithinGridId"/>), and reaches whole grids or only the people inside it (<see cref="Match"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.EmergencyScope")]
public sealed record EmergencyScope(
    [property: Id(0)] ScopeKind Kind,
    [property: Id(1)] IReadOnlyList<string> Ids,
    [property: Id(2)] GeoPolygon? Polygon = null,
    [property: Id(3)] GeoCircle? Circle = null,
    [property: Id(4)] string? WithinCenterId = null,
    [property: Id(5)] string? WithinGridId = null,
    [property: Id(6)] ShapeMatch Match = ShapeMatch.Grids)
{
    /// <summary>
    /// The scope as launched from a region: a drawn shape is looked for, and a team's people are reached, only inside
    /// it. Grids and centers are named, and the access check has already placed them in the region.
    /// </summary>
    public EmergencyScope WithinRegion(string centerId) =>
        Kind is ScopeKind.Polygon or ScopeKind.Circle or ScopeKind.Teams ? this with { WithinCenterId = centerId } : this;
}
