using Lianxin.Activities;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Listings;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Apis.Public;

/// <summary>
/// Builds the public views from the center's own actors (its registry facts and crowd) and its activity calendar; the
/// answers are cached per host (<see cref="PublicPageCache"/>), so a burst of phones costs one build per center and
/// cache period.
/// </summary>
public sealed class PublicCenterPages(IGrainFactory grains, TimeProvider clock, IOptions<PublicPageOptions> options)
{
    private const int MaxNearby = 20;

    public async Task<PublicCenterView?> CenterAsync(string id)
    {
        var center = grains.GetGrain<ICenterGrain>(id);
        var (snapshot, crowd) = (await center.GetAsync(), await center.GetCrowdAsync());
        if (snapshot is null || crowd is null)
        {
            return null;
        }

        var p = snapshot.Profile;
        return new PublicCenterView(
            id, p.Name, p.Level, p.Address, p.Location, p.OpeningHours, crowd.StaffedNow, p.SelfService24h, p.Functions,
            new PublicCrowd(crowd.Level, Percent(crowd), crowd.Capacity, crowd.Day, crowd.PeakByHour),
            await UpcomingAsync(id));
    }

    public async Task<NearbyCenters> NearbyAsync(GeoPoint from, int minutes)
    {
        var meters = minutes * options.Value.WalkingMetersPerMinute;
        var lines = await grains.GetGrain<IListingGrain>(0).NearAsync(ListingKind.Center, from, meters, MaxNearby);
        var centers = await Task.WhenAll(lines.Select(async line =>
        {
            var c = ListingJson.Read<CenterListItem>(line.Item);
            var crowd = await grains.GetGrain<ICenterGrain>(c.Id).GetCrowdAsync();
            var distance = Lianxin.Governance.GeoDistance.Meters(from, c.Location);
            return new NearbyCenter(
                c.Id, c.Name, c.Level, c.Address, c.Location, (int)Math.Round(distance), (int)Math.Ceiling(distance / options.Value.WalkingMetersPerMinute),
                c.SelfService24h, crowd?.StaffedNow ?? false, crowd?.Level ?? CrowdLevel.Quiet);
        }));
        return new NearbyCenters(minutes, Math.Round(meters), centers);
    }

    private async Task<IReadOnlyList<PublicActivity>> UpcomingAsync(string centerId)
    {
        var now = clock.GetUtcNow();
        var coming = (await grains.GetGrain<IActivityCalendarGrain>(centerId).ListAsync())
            .Where(a => a.Phase == ActivityPhase.Published && a.EndsAt > now)
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Take(options.Value.UpcomingActivities)
            .ToList();
        var views = await Task.WhenAll(coming.Select(a => grains.GetGrain<IServiceActivityGrain>(a.Id).GetAsync()));
        return
        [
            .. coming.Zip(views).Where(x => x.Second is { Phase: ActivityPhase.Published }).Select(x =>
                new PublicActivity(x.First.Id, x.First.Title, x.First.Function, x.First.StartsAt, x.First.EndsAt, x.First.Room, x.First.Capacity, x.Second!.PlacesLeft, x.First.Audience)),
        ];
    }

    private static int Percent(CenterCrowd crowd) =>
        crowd.Capacity <= 0 ? 100 : (int)Math.Round(100.0 * Math.Max(0, crowd.PeopleInside) / crowd.Capacity);
}
