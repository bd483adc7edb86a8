namespace Lianxin.Common;

/// <summary>
/// A closed ring of WGS84 positions (the outer ring of a GeoJSON polygon): the first point equals the last,
/// so a triangle has four points.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.GeoPolygon")]
public sealed record GeoPolygon([property: Id(0)] IReadOnlyList<GeoPoint> Ring);
