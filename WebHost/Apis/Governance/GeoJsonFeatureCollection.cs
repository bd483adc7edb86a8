using Lianxin.Common;
using Lianxin.Governance;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>A GeoJSON FeatureCollection (RFC 7946): the service circle as a map layer any GIS tool draws.</summary>
public sealed record GeoJsonFeatureCollection(string Type, IReadOnlyList<GeoJsonFeature> Features)
{
    /// <summary>Corners of the polygon drawn for a circle: enough that it looks round at any zoom a district is seen at.</summary>
    private const int CircleCorners = 64;

    /// <summary>
    /// Sites as their walking-distance circles (Polygon; <c>layer</c> = "site", with the site's position and
    /// <c>radiusMeters</c>) and residential points (Point; <c>layer</c> = "residential", with <c>households</c> and
    /// <c>covered</c>).
    /// </summary>
    public static GeoJsonFeatureCollection From(CoverageReport report, IReadOnlyList<PlacedPoint> points, IReadOnlyList<ServiceSite> sites)
    {
        var uncovered = report.Uncovered.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var features = sites
            .Select(s => new GeoJsonFeature("Feature", Circle(s.Location, report.WalkingDistanceMeters), new Dictionary<string, object?>
            {
                ["layer"] = "site",
                ["id"] = s.Id,
                ["name"] = s.Name,
                ["siteKind"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.Kind.ToString()),
                ["radiusMeters"] = report.WalkingDistanceMeters,
                ["latitude"] = s.Location.Latitude,
                ["longitude"] = s.Location.Longitude,
            }))
            .Concat(points.Select(p => new GeoJsonFeature("Feature", new GeoJsonPoint("Point", [p.Point.Location.Longitude, p.Point.Location.Latitude]), new Dictionary<string, object?>
            {
                ["layer"] = "residential",
                ["id"] = p.Point.Id,
                ["households"] = p.Point.Households,
                ["covered"] = !uncovered.Contains(p.Point.Id),
                ["centerId"] = p.CenterId,
                ["areaId"] = p.AreaId,
            })))
            .ToList();
        return new("FeatureCollection", features);
    }

    /// <summary>A circle on the sphere as a closed, counter-clockwise ring of points at the radius (great-circle destination).</summary>
    public static GeoJsonPolygon Circle(GeoPoint center, double radiusMeters)
    {
        var lat1 = center.Latitude * Math.PI / 180;
        var lon1 = center.Longitude * Math.PI / 180;
        var angular = radiusMeters / GeoDistance.EarthRadiusMeters;
        var ring = new List<double[]>(CircleCorners + 1);
        for (var i = 0; i < CircleCorners; i++)
        {
            // Bearings clockwise from north, walked backwards so the ring runs counter-clockwise (RFC 7946 §3.1.6).
            var bearing = 2 * Math.PI * (CircleCorners - i) / CircleCorners;
            var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(angular)) + (Math.Cos(lat1) * Math.Sin(angular) * Math.Cos(bearing)));
            var lon2 = lon1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(angular) * Math.Cos(lat1), Math.Cos(angular) - (Math.Sin(lat1) * Math.Sin(lat2)));
            ring.Add([Math.Round(lon2 * 180 / Math.PI, 7), Math.Round(lat2 * 180 / Math.PI, 7)]);
        }

        ring.Add(ring[0]);
        return new GeoJsonPolygon("Polygon", [ring]);
    }
}

/// <summary>A GeoJSON Feature; its geometry is a <see cref="GeoJsonPoint"/> or a <see cref="GeoJsonPolygon"/>.</summary>
public sealed record GeoJsonFeature(string Type, object Geometry, IReadOnlyDictionary<string, object?> Properties);

/// <summary>A GeoJSON Point: [longitude, latitude].</summary>
public sealed record GeoJsonPoint(string Type, IReadOnlyList<double> Coordinates);

/// <summary>A GeoJSON Polygon: rings of [longitude, latitude] positions, each closed (first = last).</summary>
public sealed record GeoJsonPolygon(string Type, IReadOnlyList<IReadOnlyList<double[]>> Coordinates);
