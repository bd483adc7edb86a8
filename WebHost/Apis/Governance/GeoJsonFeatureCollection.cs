using Lianxin.Governance;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>A GeoJSON FeatureCollection (RFC 7946) of points: the service circle as a dashboard map layer.</summary>
public sealed record GeoJsonFeatureCollection(string Type, IReadOnlyList<GeoJsonPointFeature> Features)
{
    /// <summary>
    /// Sites (property <c>layer</c> = "site", with <c>radiusMeters</c> for drawing the circle) and residential points
    /// (<c>layer</c> = "residential", with <c>households</c> and <c>covered</c>).
    /// </summary>
    public static GeoJsonFeatureCollection From(CoverageReport report, IReadOnlyList<PlacedPoint> points, IReadOnlyList<ServiceSite> sites)
    {
        var uncovered = report.Uncovered.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var features = sites
            .Select(s => GeoJsonPointFeature.At(s.Location.Latitude, s.Location.Longitude, new Dictionary<string, object?>
            {
                ["layer"] = "site",
                ["id"] = s.Id,
                ["name"] = s.Name,
                ["siteKind"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.Kind.ToString()),
                ["radiusMeters"] = report.WalkingDistanceMeters,
            }))
            .Concat(points.Select(p => GeoJsonPointFeature.At(p.Point.Location.Latitude, p.Point.Location.Longitude, new Dictionary<string, object?>
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
}

/// <summary>A GeoJSON Feature with a Point geometry.</summary>
public sealed record GeoJsonPointFeature(string Type, GeoJsonPoint Geometry, IReadOnlyDictionary<string, object?> Properties)
{
    public static GeoJsonPointFeature At(double latitude, double longitude, IReadOnlyDictionary<string, object?> properties) =>
        new("Feature", new GeoJsonPoint("Point", [longitude, latitude]), properties);
}

/// <summary>A GeoJSON Point: [longitude, latitude].</summary>
public sealed record GeoJsonPoint(string Type, IReadOnlyList<double> Coordinates);
