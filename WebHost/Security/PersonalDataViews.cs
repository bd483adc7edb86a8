using Lianxin.Activity;
using Lianxin.Volunteers;

namespace Lianxin.WebHost.Security;

/// <summary>
/// Where the API shows personal numbers whole and where masked. A person and their own grid lead (who calls them)
/// see the phone whole; operators, staff and auditors, whose screens are dashboards, see it masked.
/// </summary>
public static class PersonalDataViews
{
    /// <summary>Whether the caller may see this person's phone number whole.</summary>
    public static bool SeesPhone(Caller caller, string volunteerId, string homeGridId) => caller.Role switch
    {
        Role.Volunteer => caller.ScopeId == volunteerId,
        Role.GridLead => caller.ScopeId == homeGridId,
        _ => false,
    };

    public static VolunteerSnapshot For(Caller caller, VolunteerSnapshot person) =>
        SeesPhone(caller, person.Id, person.Profile.HomeGridId)
            ? person
            : person with { Profile = person.Profile with { Phone = PersonalData.MaskPhone(person.Profile.Phone) } };

    /// <summary>A center's activity as its dashboard shows it: people identified by phone or ID card appear masked.</summary>
    public static CenterActivity Masked(CenterActivity activity) => activity with
    {
        Inside = [.. activity.Inside.Select(Masked)],
        RecentlyClosed = [.. activity.RecentlyClosed.Select(Masked)],
        AfterHoursEntries = [.. activity.AfterHoursEntries.Select(a => a with { PersonId = PersonalData.MaskPersonId(a.PersonId) })],
        Rejected = [.. activity.Rejected.Select(r => r with { PersonId = r.PersonId is null ? null : PersonalData.MaskPersonId(r.PersonId) })],
        HoursAwaitingDecision = [.. activity.HoursAwaitingDecision.Select(h => h with { PersonId = PersonalData.MaskPersonId(h.PersonId) })],
    };

    private static Visit Masked(Visit visit) => visit with { PersonId = PersonalData.MaskPersonId(visit.PersonId) };
}
