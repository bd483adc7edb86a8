using Lianxin.Centers;
using Lianxin.Kiosks;
using Lianxin.Providers;

namespace Lianxin.Activities;

/// <summary>Gathers what <see cref="OutsourcingRule"/> needs for an activity naming a provider: the provider, the center's path, its local days.</summary>
internal static class Outsourcing
{
    public static async Task<string?> RefusalAsync(IGrainFactory grains, TimeZoneInfo zone, ActivityDefinition definition, string providerId)
    {
        if (definition.Function == Common.BasicFunction.PartyBuilding)
        {
            return OutsourcingRule.PartyAffairs;
        }

        var provider = await grains.GetGrain<IProviderGrain>(providerId).GetAsync();
        var path = await CenterAncestry.GetPathToRootAsync(grains, definition.CenterId);
        var calendar = new LocalCalendar(zone);
        return OutsourcingRule.Refusal(definition.Function, providerId, provider, path, calendar.Day(definition.StartsAt), calendar.Day(definition.EndsAt));
    }
}
