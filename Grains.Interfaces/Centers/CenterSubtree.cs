namespace Lianxin.Centers;

/// <summary>
/// Reads a center and everything below it, one tree level at a time with the level's reads in parallel. Like
/// <see cref="CenterAncestry"/> it walks from the caller's side, so no center waits on another.
/// </summary>
public static class CenterSubtree
{
    /// <summary>
    /// The snapshots of <paramref name="rootId"/> and its descendants, parents before children; empty when the
    /// root does not exist. A corrupt tree cannot loop it: every center is read once.
    /// </summary>
    public static async Task<IReadOnlyList<CenterSnapshot>> GetAsync(IGrainFactory grains, string rootId)
    {
        var result = new List<CenterSnapshot>();
        var seen = new HashSet<string> { rootId };
        IReadOnlyList<string> level = [rootId];
        for (var depth = 0; level.Count > 0 && depth < CenterAncestry.MaxDepth; depth++)
        {
            var read = await Task.WhenAll(level.Select(id => grains.GetGrain<ICenterGrain>(id).GetAsync()));
            var found = read.OfType<CenterSnapshot>().ToList();
            result.AddRange(found);
            level = [.. found.SelectMany(c => c.ChildIds).Where(seen.Add)];
        }

        return result;
    }
}
