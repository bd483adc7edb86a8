using Lianxin.Kiosks;
using Lianxin.Listings;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Lists;

/// <summary>
/// <c>GET /api/v1/kiosks</c>. The heartbeat state lives in each kiosk's health actor, not in the listing, so it is read
/// for the lines of the page only; a <c>health</c> filter reads lines in chunks until the page is full or
/// <see cref="MaxScanned"/> lines were looked at, and then answers what it found with a cursor to go on from.
/// </summary>
internal static class KioskListEndpoints
{
    public const int MaxScanned = 1_000;

    public static async Task<Results<Ok<ListPage<KioskListLine>>, ValidationProblem, AccessRefusal>> ListAsync(
        string? region, string? health, int? limit, string? sort, string? order, string? cursor, HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        var v = new Validation();
        var p = ListParameters.Read(v, limit, sort, order, cursor, "name");
        KioskConnectivity? wanted = health is null ? null : v.Enum<KioskConnectivity>("health", health);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var scoped = await ListScope.OfCentersAsync(http, scopes, region);
        if (scoped.Refusal is { } refusal)
        {
            return refusal;
        }

        var listing = grains.GetGrain<IListingGrain>(0);
        var found = new List<(ListingEntry Line, KioskListLine Shown)>();
        var query = p.Query(ListingKind.Kiosk, scoped.Scope!, []);
        var chunk = wanted is null ? p.Limit : Math.Max(p.Limit, 100);
        var (scanned, more) = (0, true);
        while (found.Count < p.Limit && more && scanned < MaxScanned)
        {
            var page = await listing.QueryAsync(query with { Limit = chunk });
            var lines = await Task.WhenAll(page.Entries.Select(e => ShowAsync(grains, e)));
            scanned += lines.Length;
            var taken = 0;
            foreach (var line in lines)
            {
                taken++;
                if (wanted is null || line.Shown.Connectivity == wanted)
                {
                    found.Add(line);
                    if (found.Count == p.Limit)
                    {
                        break;
                    }
                }
            }

            more = page.HasMore || taken < lines.Length;
            if (page.Entries.Count > 0)
            {
                var last = found.Count == p.Limit ? found[^1].Line : page.Entries[^1];
                query = query with { After = new ListingPosition(last.SortKey, last.Id) };
            }
        }

        var next = more ? ListCursor.Encode(p.Sort, p.Descending, query.After!) : null;
        return TypedResults.Ok(new ListPage<KioskListLine>([.. found.Select(f => f.Shown)], next));
    }

    private static async Task<(ListingEntry Line, KioskListLine Shown)> ShowAsync(IGrainFactory grains, ListingEntry line)
    {
        var kiosk = ListingJson.Read<KioskListItem>(line.Item);
        var health = await grains.GetGrain<IKioskHealthGrain>(kiosk.Id).GetAsync();
        return (line, new KioskListLine(kiosk.Id, kiosk.Name, kiosk.CenterId, health.Connectivity, health.LastSeenAt ?? health.LastHeartbeatAt));
    }
}
