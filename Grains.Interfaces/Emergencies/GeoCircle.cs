using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>A circle on the ground: a WGS84 center and a radius in meters.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.GeoCircle")]
public sealed record GeoCircle([property: Id(0)] GeoPoint Center, [property: Id(1)] double RadiusMeters);
