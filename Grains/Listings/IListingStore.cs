using Lianxin.Common;

namespace Lianxin.Listings;

/// <summary>Where listing lines live: PostgreSQL (<c>lianxin_listing</c>) in a deployment, memory without a database.</summary>
public interface IListingStore
{
    Task UpsertAsync(ListingEntry entry, CancellationToken cancellationToken = default);

    Task RemoveAsync(ListingKind kind, string id, CancellationToken cancellationToken = default);

    Task<ListingPage> QueryAsync(ListingQuery query, CancellationToken cancellationToken = default);

    /// <summary>Lines within <paramref name="meters"/> of a point, nearest first.</summary>
    Task<IReadOnlyList<ListingEntry>> NearAsync(ListingKind kind, GeoPoint from, double meters, int limit, CancellationToken cancellationToken = default);
}
