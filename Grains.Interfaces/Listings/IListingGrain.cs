using Lianxin.Common;

namespace Lianxin.Listings;

/// <summary>
/// The listing index of every registry (a PostgreSQL projection, or memory without a database), reached from any
/// host; keyed 0, a stateless worker, so each silo serves its callers locally. Registry actors write their line
/// after their own state is durable and before they answer, so an acknowledged change is listed.
/// </summary>
[Alias("Lianxin.IListingGrain")]
public interface IListingGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or replaces a line; durable on return.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(ListingEntry entry);

    /// <summary>Removes a line if there is one.</summary>
    [Alias("Remove")]
    Task RemoveAsync(ListingKind kind, string id);

    /// <summary>One page of a listing.</summary>
    [Alias("Query"), ReadOnly]
    Task<ListingPage> QueryAsync(ListingQuery query);

    /// <summary>The lines of a kind whose location lies within <paramref name="meters"/> of <paramref name="from"/> (great-circle), nearest first.</summary>
    [Alias("Near"), ReadOnly]
    Task<IReadOnlyList<ListingEntry>> NearAsync(ListingKind kind, GeoPoint from, double meters, int limit);
}
