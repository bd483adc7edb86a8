using System.Globalization;
using System.Security.Claims;
using Lianxin.Residents;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Apis.Residents;

/// <summary>
/// Who a resident is once they proved a number, as a token says it: a phone linked to an ID card speaks for the card's
/// person (the canonical id, where kiosks record check-ins, visits and points) with the phones as aliases; an ID card
/// speaks for itself with its linked phones as aliases; anything unlinked for itself alone.
/// </summary>
internal static class ResidentSessions
{
    /// <summary>The caller a token is issued for after <paramref name="provedId"/> was proved by <paramref name="method"/>.</summary>
    public static async Task<Caller> CallerForAsync(IGrainFactory grains, string provedId, string method)
    {
        var proved = await grains.GetGrain<IResidentIdentityGrain>(provedId).GetAsync();
        if (proved.Card is not { } card)
        {
            return Resident(provedId, proved.Phones, method);
        }

        // The phone's side is the authority on its card: it is an alias even if the card's list were behind.
        var phones = (await grains.GetGrain<IResidentIdentityGrain>(card).GetAsync()).Phones;
        return Resident(card, [provedId, .. phones.Where(p => p != provedId)], method);
    }

    /// <summary>When the token of <paramref name="user"/> ends: a session's new token after a link or unlink ends then too.</summary>
    public static DateTimeOffset ExpiryOf(ClaimsPrincipal user) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(user.FindFirstValue("exp")!, CultureInfo.InvariantCulture));

    private static Caller Resident(string personId, IReadOnlyList<string> aliases, string method) =>
        new(personId, Role.Resident, personId) { Aliases = aliases, SignedInBy = method };
}
