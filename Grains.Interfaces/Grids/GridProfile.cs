using Lianxin.Common;

namespace Lianxin.Grids;

/// <summary>The registry facts of a grid: the center that owns it, its name and its boundary.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.GridProfile")]
public sealed record GridProfile(
    [property: Id(0)] string CenterId,
    [property: Id(1)] string Name,
    [property: Id(2)] GeoPolygon Boundary);
