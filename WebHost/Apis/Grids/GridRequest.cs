using Lianxin.Common;
using Lianxin.Grids;

namespace Lianxin.WebHost.Apis.Registry;

/// <summary>A grid as written through the API; the boundary is a GeoJSON Polygon.</summary>
public sealed record GridRequest(string? Id, string? CenterId, string? Name, GeoJsonPolygon? Boundary)
{
    internal GridProfile ToProfile(Validation v) =>
        new(v.Id("centerId", CenterId), v.Text("name", Name, 100), GeoJsonPolygon.ToDomain(Boundary, v, "boundary"));
}

/// <summary>A GeoJSON Polygon (RFC 7946): positions are [longitude, latitude]; only the outer ring is used.</summary>
public sealed record GeoJsonPolygon(string? Type, double[][][]? Coordinates)
{
    /// <summary>
    /// The most positions one ring may have: a drawn grid boundary or emergency area has tens to hundreds; the cap
    /// keeps stored grids and every point-in-polygon test of a launch bounded.
    /// </summary>
    public const int MaxVertices = 2000;

    public static GeoJsonPolygon FromDomain(GeoPolygon polygon) =>
        new("Polygon", [[.. polygon.Ring.Select(p => new[] { p.Longitude, p.Latitude })]]);

    internal static GeoPolygon ToDomain(GeoJsonPolygon? polygon, Validation v, string field)
    {
        if (polygon is not { Type: "Polygon", Coordinates: [var outer, ..] })
        {
            v.Add(field, "Must be a GeoJSON Polygon with at least one ring.");
            return new GeoPolygon([]);
        }

        if (outer.Length > MaxVertices)
        {
            v.Add(field, $"A ring may have at most {MaxVertices} positions; simplify the boundary.");
            return new GeoPolygon([]);
        }

        if (outer.Any(position => position is not { Length: 2 or 3 }))
        {
            v.Add(field, "Every position must be [longitude, latitude].");
            return new GeoPolygon([]);
        }

        var ring = outer.Select(position => new GeoPoint(position[1], position[0])).ToList();
        if (GeoRules.CheckRing(ring) is { } problem)
        {
            v.Add(field, problem);
        }

        return new GeoPolygon(ring);
    }
}
