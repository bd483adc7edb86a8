using Lianxin.Common;

namespace Lianxin.Listings;

/// <summary>
/// Reads and writes the listing index through the silo's store; a stateless worker, so every silo serves its callers
/// locally. Reentrant: each call only waits on the store, and the store groups the writes that wait together into one
/// commit. Without it a silo had as many calls in flight as cores, every help request's line waited a commit of its
/// own, and under full kiosk ingest the lines fell 30 s behind and expired.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class ListingGrain(IListingStore store) : Grain, IListingGrain
{
    public Task UpsertAsync(ListingEntry entry) => store.UpsertAsync(entry);

    public Task RemoveAsync(ListingKind kind, string id) => store.RemoveAsync(kind, id);

    public Task<ListingPage> QueryAsync(ListingQuery query) => store.QueryAsync(query);

    public Task<IReadOnlyList<ListingEntry>> NearAsync(ListingKind kind, GeoPoint from, double meters, int limit) =>
        store.NearAsync(kind, from, meters, limit);
}
