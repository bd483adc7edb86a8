using Lianxin.Centers;
using Lianxin.Grids;
using Lianxin.WebHost.Apis.Registry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// <c>GET /api/v1/centers/{id}/map</c>: a center's subtree as a GeoJSON FeatureCollection (RFC 7946): every center
/// as a Point and every grid as a Polygon, with what a map needs to label and link them. What a dashboard draws
/// with no map tiles at all.
/// </summary>
internal static class RegionMap
{
    public static async Task<Ok<GeoJsonFeatureCollection>> GetAsync(string id, IGrainFactory grains)
    {
        var centers = await CenterSubtree.GetAsync(grains, id);
        var grids = await Task.WhenAll(centers.SelectMany(c => c.GridIds).Select(g => grains.GetGrain<IGridGrain>(g).GetAsync()));
        var features = centers.Select(CenterFeature).Concat(grids.OfType<GridSnapshot>().Select(GridFeature)).ToList();
        return TypedResults.Ok(new GeoJsonFeatureCollection("FeatureCollection", features));
    }

    private static GeoJsonFeature CenterFeature(CenterSnapshot c) => new(
        "Feature",
        c.Id,
        new GeoJsonPoint("Point", [c.Profile.Location.Longitude, c.Profile.Location.Latitude]),
        new Dictionary<string, object?>
        {
            ["kind"] = "center",
            ["name"] = c.Profile.Name,
            ["level"] = EnumNames.Of(c.Profile.Level),
            ["parentId"] = c.Profile.ParentId,
            ["kiosks"] = c.KioskIds.Count,
        });

    private static GeoJsonFeature GridFeature(GridSnapshot g) => new(
        "Feature",
        g.Id,
        GeoJsonPolygon.FromDomain(g.Profile.Boundary),
        new Dictionary<string, object?> { ["kind"] = "grid", ["name"] = g.Profile.Name, ["centerId"] = g.Profile.CenterId });
}

/// <summary>A GeoJSON FeatureCollection.</summary>
public sealed record GeoJsonFeatureCollection(string Type, IReadOnlyList<GeoJsonFeature> Features);

/// <summary>A GeoJSON Feature; <see cref="Geometry"/> is a <see cref="GeoJsonPoint"/> or a <see cref="GeoJsonPolygon"/>.</summary>
public sealed record GeoJsonFeature(string Type, string Id, object Geometry, IReadOnlyDictionary<string, object?> Properties);

/// <summary>A GeoJSON Point: [longitude, latitude].</summary>
public sealed record GeoJsonPoint(string Type, double[] Coordinates);
