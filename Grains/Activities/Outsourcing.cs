using Lianxin.Centers;
using Lianxin.Kiosks;
using Lianxin.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lianxin.Activities;

/// <summary>Gathers what <see cref="OutsourcingRule"/> needs for an activity naming a provider: the provider, the center's path, its local days.</summary>
internal static class Outsourcing
{
    public static async Task<string?> RefusalAsync(IGrainFactory grains, IServiceProvider services, ActivityDefinition definition, string providerId)
    {
        if (definition.Function == Common.BasicFunction.PartyBuilding)
        {
            return OutsourcingRule.PartyAffairs;
        }

        var provider = await grains.GetGrain<IProviderGrain>(providerId).GetAsync();
        var path = await CenterAncestry.GetPathToRootAsync(grains, definition.CenterId);
        var calendar = new LocalCalendar(services.GetService<IOptions<KioskOptions>>()?.Value.Zone ?? TimeZoneInfo.Utc);
        return OutsourcingRule.Refusal(definition.Function, providerId, provider, path, calendar.Day(definition.StartsAt), calendar.Day(definition.EndsAt));
    }
}
