using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>
/// Reads a center and everything below it from the center actors, one tree level at a time (the calls of a level
/// run together). Only the centers of that subtree are read: nothing is scanned.
/// </summary>
internal static class CenterTreeReader
{
    /// <summary>Deeper than any real tree; guards against corrupt data.</summary>
    private const int MaxDepth = CenterAncestry.MaxDepth;

    /// <summary>The snapshots of the subtree, the root first and parents before children; empty when the root does not exist.</summary>
    public static async Task<IReadOnlyList<CenterSnapshot>> ReadSubtreeAsync(IGrainFactory grains, string rootId)
    {
        var all = new List<CenterSnapshot>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { rootId };
        IReadOnlyList<string> frontier = [rootId];
        for (var depth = 0; frontier.Count > 0 && depth < MaxDepth; depth++)
        {
            var level = await Task.WhenAll(frontier.Select(id => grains.GetGrain<ICenterGrain>(id).GetAsync()));
            var found = level.OfType<CenterSnapshot>().ToList();
            all.AddRange(found);
            frontier = [.. found.SelectMany(c => c.ChildIds).Where(seen.Add)];
        }

        return all;
    }

    /// <summary>True for the levels coverage is reported by: streets, towns and management committees.</summary>
    public static bool IsArea(CenterLevel level) => level is CenterLevel.Street or CenterLevel.Town or CenterLevel.ManagementCommittee;

    /// <summary>
    /// The area (street, town or management committee) of every center of a subtree read by
    /// <see cref="ReadSubtreeAsync"/>: the nearest such center at or above it. Centers with no such center above
    /// them within the subtree get <paramref name="rootArea"/>, or themselves.
    /// </summary>
    public static IReadOnlyDictionary<string, CenterSnapshot> AreasOf(IReadOnlyList<CenterSnapshot> subtree, CenterSnapshot? rootArea)
    {
        var byId = subtree.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var areas = new Dictionary<string, CenterSnapshot>(StringComparer.Ordinal);
        foreach (var center in subtree)
        {
            // Parents come first, so a parent's area is known when its children are reached.
            var parentArea = center.Profile.ParentId is { } p && areas.TryGetValue(p, out var a) && byId.ContainsKey(p) ? a : null;
            areas[center.Id] = IsArea(center.Profile.Level) ? center : parentArea ?? rootArea ?? center;
        }

        return areas;
    }
}
