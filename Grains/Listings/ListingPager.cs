using Lianxin.Centers;

namespace Lianxin.Listings;

/// <summary>
/// The listing rules on lines held in memory: the scope through the current tree, every tag, a keyset order with the
/// id as tie-breaker and the page after a position. The PostgreSQL store answers the same query in SQL; this is the
/// reference both are tested against.
/// </summary>
public static class ListingPager
{
    public static ListingPage Page(IEnumerable<ListingEntry> lines, IReadOnlyCollection<ListingEntry> centers, IReadOnlyCollection<ListingEntry> grids, ListingQuery query)
    {
        var visible = Scope(centers, grids, query);
        var matching = lines.Where(e => e.Kind == query.Kind && visible(e) && query.Tags.All(e.Tags.Contains));
        var key = query.Sort == ListingSort.Id ? (Func<ListingEntry, string>)(e => e.Id) : e => e.SortKey;
        if (query.After is { } after)
        {
            var afterKey = query.Sort == ListingSort.Id ? after.Id : after.SortKey;
            matching = matching.Where(e =>
            {
                var order = Compare(key(e), e.Id, afterKey, after.Id);
                return query.Descending ? order < 0 : order > 0;
            });
        }

        var ordered = query.Descending
            ? matching.OrderByDescending(key, StringComparer.Ordinal).ThenByDescending(e => e.Id, StringComparer.Ordinal)
            : matching.OrderBy(key, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal);
        var page = ordered.Take(query.Limit + 1).ToList();
        return new ListingPage([.. page.Take(query.Limit)], page.Count > query.Limit);
    }

    /// <summary>The ids of a center and every center below it, by the parent links of the center lines.</summary>
    public static HashSet<string> Subtree(IReadOnlyCollection<ListingEntry> centers, string rootId)
    {
        var children = centers.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!, c => c.Id, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal) { rootId };
        var queue = new Queue<string>([rootId]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var child in children[id].Where(found.Add))
            {
                queue.Enqueue(child);
            }
        }

        return found;
    }

    private static Func<ListingEntry, bool> Scope(IReadOnlyCollection<ListingEntry> centers, IReadOnlyCollection<ListingEntry> grids, ListingQuery query)
    {
        HashSet<string>? subtree = query.WithinCenterId is { } root ? Subtree(centers, root) : null;
        var gridsInside = subtree is null ? null : grids.Where(g => g.CenterId is not null && subtree.Contains(g.CenterId)).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var above = query.AncestorsOf is { } from ? Ancestors(centers, from) : [];
        return e => (query.OnlyId is null || e.Id == query.OnlyId)
            && (query.GridId is null || e.GridId == query.GridId)
            && (subtree is null
                || (e.CenterId is not null && (subtree.Contains(e.CenterId) || above.Contains(e.CenterId)))
                || (e.GridId is not null && gridsInside!.Contains(e.GridId)));
    }

    private static HashSet<string> Ancestors(IReadOnlyCollection<ListingEntry> centers, string centerId)
    {
        var parents = centers.ToDictionary(c => c.Id, c => c.ParentId, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var current = parents.GetValueOrDefault(centerId);
        for (var depth = 0; current is not null && depth < CenterAncestry.MaxDepth && found.Add(current); depth++)
        {
            current = parents.GetValueOrDefault(current);
        }

        return found;
    }

    private static int Compare(string key, string id, string afterKey, string afterId)
    {
        var byKey = string.CompareOrdinal(key, afterKey);
        return byKey != 0 ? byKey : string.CompareOrdinal(id, afterId);
    }
}
