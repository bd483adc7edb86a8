using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>
/// Decides which center's registry holds each residential point: a point in a grid belongs to the grid's center;
/// a point outside every grid (a remote hamlet), or in a grid nobody knows, belongs to the nearest street or
/// town center, which answers for the places between its villages and communities.
/// </summary>
public static class ResidentialAssignment
{
    public static IReadOnlyDictionary<string, List<ResidentialPoint>> ByCenter(
        IEnumerable<ResidentialPoint> points,
        IReadOnlyDictionary<string, string> gridCenters,
        IReadOnlyList<(string Id, GeoPoint Location)> areaCenters)
    {
        var byCenter = new Dictionary<string, List<ResidentialPoint>>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            var centerId = point.GridId is { } grid && gridCenters.TryGetValue(grid, out var owner)
                ? owner
                : Nearest(point.Location, areaCenters);
            if (centerId is null)
            {
                continue;
            }

            if (!byCenter.TryGetValue(centerId, out var list))
            {
                byCenter[centerId] = list = [];
            }

            list.Add(point);
        }

        return byCenter;
    }

    private static string? Nearest(GeoPoint location, IReadOnlyList<(string Id, GeoPoint Location)> candidates) =>
        candidates.Count == 0 ? null : candidates.MinBy(c => GeoDistance.Meters(location, c.Location)).Id;
}
