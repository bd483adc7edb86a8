using Lianxin.Common;
using Lianxin.Governance;

namespace Lianxin.Listings;

/// <summary>The listing index in memory, for a host without a database (nothing is durable there anyway).</summary>
public sealed class InMemoryListingStore : IListingStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ListingKind Kind, string Id), ListingEntry> _lines = [];

    public Task UpsertAsync(ListingEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _lines[(entry.Kind, entry.Id)] = entry;
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(ListingKind kind, string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _lines.Remove((kind, id));
        }

        return Task.CompletedTask;
    }

    public Task<ListingPage> QueryAsync(ListingQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var centers = _lines.Values.Where(e => e.Kind == ListingKind.Center).ToList();
            var grids = _lines.Values.Where(e => e.Kind == ListingKind.Grid).ToList();
            return Task.FromResult(ListingPager.Page(_lines.Values, centers, grids, query));
        }
    }

    public Task<IReadOnlyList<ListingEntry>> NearAsync(ListingKind kind, GeoPoint from, double meters, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ListingEntry>>(
            [
                .. _lines.Values
                    .Where(e => e.Kind == kind && e.Location is not null)
                    .Select(e => (Line: e, Meters: GeoDistance.Meters(from, e.Location!)))
                    .Where(x => x.Meters <= meters)
                    .OrderBy(x => x.Meters).ThenBy(x => x.Line.Id, StringComparer.Ordinal)
                    .Take(limit)
                    .Select(x => x.Line),
            ]);
        }
    }
}
