using Lianxin.Listings;

namespace Lianxin.WebHost.Apis.Lists;

/// <summary>The paging parameters every list takes: <c>limit</c>, <c>sort</c>, <c>order</c>, <c>cursor</c>.</summary>
public sealed record ListParameters(int Limit, ListingSort Sort, bool Descending, ListingPosition? After)
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    /// <summary>
    /// Reads the paging parameters; <paramref name="keyName"/> is what the list calls its own order (name, due,
    /// launched) and <paramref name="descendingByDefault"/> whether it runs newest first unless told otherwise.
    /// </summary>
    internal static ListParameters Read(Validation v, int? limit, string? sort, string? order, string? cursor, string keyName, bool descendingByDefault = false)
    {
        if (limit is < 1 or > MaxLimit)
        {
            v.Add("limit", $"Must be between 1 and {MaxLimit}.");
        }

        var by = sort switch
        {
            null => ListingSort.Key,
            "id" => ListingSort.Id,
            _ when sort == keyName => ListingSort.Key,
            _ => Invalid(v, "sort", $"Must be '{keyName}' or 'id'."),
        };
        var descending = order is null ? descendingByDefault : order == "desc";
        if (order is not (null or "asc" or "desc"))
        {
            v.Add("order", "Must be 'asc' or 'desc'.");
        }

        ListingPosition? after = null;
        if (cursor is not null && v.IsValid)
        {
            after = ListCursor.Decode(cursor, by, descending, out var problem);
            if (problem is not null)
            {
                v.Add("cursor", problem);
            }
        }

        return new ListParameters(limit ?? DefaultLimit, by, descending, after);
    }

    public ListingQuery Query(ListingKind kind, ListScope scope, IReadOnlyList<string> tags) =>
        new(kind, scope.WithinCenterId, scope.GridId, scope.OnlyId, tags, Sort, Descending, After, Limit, scope.AncestorsOf);

    /// <summary>The next page's cursor: after the last line, when more follow.</summary>
    public string? Next(ListingPage page) =>
        page.HasMore && page.Entries.Count > 0 ? ListCursor.Encode(Sort, Descending, new ListingPosition(page.Entries[^1].SortKey, page.Entries[^1].Id)) : null;

    private static ListingSort Invalid(Validation v, string field, string message)
    {
        v.Add(field, message);
        return ListingSort.Key;
    }
}
