using Lianxin.Kiosks;
using Lianxin.Volunteers;

namespace Lianxin.Activity;

/// <summary>
/// A check-in as a mobile party member (流动党员) counts under party building, so it must come from a party member. A
/// person in the registry who is not a party member is refused, with the reason; a person the registry does not know
/// is allowed, because mobile members report in away from home and are registered elsewhere. Pure.
/// </summary>
public static class MobileMemberCheckInRule
{
    /// <summary>Why the check-in is refused, or null when it may stand.</summary>
    public static string? Refusal(CheckIn checkIn, VolunteerProfile? registered) =>
        checkIn.Role == PersonRole.MobilePartyMember && registered is { IsPartyMember: false }
            ? $"Person '{checkIn.PersonId}' is registered as not a party member, so cannot check in as a mobile party member (流动党员); check in as a visitor or volunteer instead."
            : null;
}
