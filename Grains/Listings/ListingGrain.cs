using Lianxin.Common;

namespace Lianxin.Listings;

/// <summary>Reads and writes the listing index through the silo's store; a stateless worker, so every silo serves its callers locally.</summary>
[StatelessWorker]
internal sealed class ListingGrain(IListingStore store) : Grain, IListingGrain
{
    public Task UpsertAsync(ListingEntry entry) => store.UpsertAsync(entry);

    public Task RemoveAsync(ListingKind kind, string id) => store.RemoveAsync(kind, id);

    public Task<ListingPage> QueryAsync(ListingQuery query) => store.QueryAsync(query);

    public Task<IReadOnlyList<ListingEntry>> NearAsync(ListingKind kind, GeoPoint from, double meters, int limit) =>
        store.NearAsync(kind, from, meters, limit);
}
