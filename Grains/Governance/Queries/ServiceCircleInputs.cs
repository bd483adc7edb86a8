using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>
/// Gathers what the service circle of a region is computed on. Residential points come from the registries of the
/// region's own centers. Sites come from the whole tree the region belongs to (its root's subtree), because a
/// resident near a border walks to the nearest center whichever region it belongs to; only center registry facts
/// are read for that.
/// </summary>
internal static class ServiceCircleInputs
{
    public static async Task<ServiceCircleInput> ReadAsync(
        IGrainFactory grains, string regionId, IReadOnlyList<string> pathToRoot)
    {
        var rootId = pathToRoot.Count > 0 ? pathToRoot[^1] : regionId;
        var tree = await CenterTreeReader.ReadSubtreeAsync(grains, rootId);
        var region = rootId == regionId ? tree : Subtree(tree, regionId);
        var rootArea = await AreaAboveAsync(grains, pathToRoot);
        var areas = CenterTreeReader.AreasOf(region, rootArea);
        var registries = await Task.WhenAll(region.Select(async c => (Center: c, Points: await grains.GetGrain<IResidentialPointsGrain>(c.Id).GetAsync())));
        var points = registries
            .SelectMany(r => r.Points.Select(p => new PlacedPoint(p, r.Center.Id, areas[r.Center.Id].Id, areas[r.Center.Id].Profile.Name)))
            .ToList();
        return new ServiceCircleInput(points, Sites(tree));
    }

    /// <summary>
    /// Every center and station of a tree. Kiosks are not sites of their own: the registry places a kiosk at its center,
    /// so counting it would list the same place twice and cover nothing more.
    /// </summary>
    public static IReadOnlyList<ServiceSite> Sites(IEnumerable<CenterSnapshot> centers) =>
        [.. centers.Select(c => new ServiceSite(
            c.Id, c.Profile.Name, c.Profile.Level == CenterLevel.RedSailStation ? ServiceSiteKind.Station : ServiceSiteKind.Center, c.Profile.Location))];

    private static List<CenterSnapshot> Subtree(IReadOnlyList<CenterSnapshot> tree, string rootId)
    {
        var inside = new HashSet<string>(StringComparer.Ordinal) { rootId };
        var result = new List<CenterSnapshot>();
        foreach (var c in tree)
        {
            if (c.Id == rootId || (c.Profile.ParentId is { } p && inside.Contains(p)))
            {
                inside.Add(c.Id);
                result.Add(c);
            }
        }

        return result;
    }

    /// <summary>The street, town or management committee above the region's root, when the region lies inside one.</summary>
    private static async Task<CenterSnapshot?> AreaAboveAsync(IGrainFactory grains, IReadOnlyList<string> pathToRoot)
    {
        foreach (var id in pathToRoot.Skip(1))
        {
            if (await grains.GetGrain<ICenterGrain>(id).GetAsync() is { } c && CenterTreeReader.IsArea(c.Profile.Level))
            {
                return c;
            }
        }

        return null;
    }
}
