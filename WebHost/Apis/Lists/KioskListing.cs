using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.Listings;

namespace Lianxin.WebHost.Apis.Lists;

/// <summary>
/// Kiosk registry writes, with the kiosk's listing line written after the kiosk's own state: the kiosk actor belongs
/// to the ingest path, so its line is written by whoever registers it (the API and the demo loader). A creation retried
/// after a failure between the two finds the kiosk there (409) and writes the line again.
/// </summary>
internal static class KioskListing
{
    public static async Task<RegistryResult> CreateAsync(IGrainFactory grains, string id, KioskProfile profile)
    {
        var result = await grains.GetGrain<IKioskGrain>(id).CreateAsync(profile);
        await ListAsync(grains, id, result);
        return result;
    }

    public static async Task<RegistryResult> UpdateAsync(IGrainFactory grains, string id, KioskProfile profile)
    {
        var result = await grains.GetGrain<IKioskGrain>(id).UpdateAsync(profile);
        await ListAsync(grains, id, result);
        return result;
    }

    private static async Task ListAsync(IGrainFactory grains, string id, RegistryResult result)
    {
        if ((result.Succeeded || result.Outcome == RegistryOutcome.Conflict) && await grains.GetGrain<IKioskGrain>(id).GetAsync() is { } kiosk)
        {
            await grains.GetGrain<IListingGrain>(0).UpsertAsync(ListingLines.Kiosk(id, kiosk.Profile));
        }
    }
}
