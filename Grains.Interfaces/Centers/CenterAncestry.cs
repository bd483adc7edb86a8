namespace Lianxin.Centers;

/// <summary>
/// Walks the center tree upwards from the caller's side, one <see cref="ICenterGrain.GetLinkAsync"/> call per
/// level. Walking from outside the grains (instead of grains calling their parents recursively) means a
/// center that is itself busy is never called back, so a cycle check cannot deadlock.
/// </summary>
public static class CenterAncestry
{
    /// <summary>Deeper than any real tree (district → town → village is three); guards against corrupt data.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// The ids from <paramref name="centerId"/> up to its root, starting with the center itself;
    /// empty when the center does not exist.
    /// </summary>
    public static async Task<IReadOnlyList<string>> GetPathToRootAsync(IGrainFactory grains, string centerId)
    {
        var path = new List<string>();
        string? current = centerId;
        while (current is not null && path.Count < MaxDepth && !path.Contains(current))
        {
            var link = await grains.GetGrain<ICenterGrain>(current).GetLinkAsync();
            if (link is null)
            {
                break;
            }

            path.Add(current);
            current = link.ParentId;
        }

        return path;
    }
}
