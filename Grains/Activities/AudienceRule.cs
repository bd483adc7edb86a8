using Lianxin.Common;
using Lianxin.Volunteers;

namespace Lianxin.Activities;

/// <summary>
/// Who an activity admits. Party-building activities admit party members only (党务工作不外包: party affairs are never
/// outsourced), whatever audience they name; the others admit their audience. Pure.
/// </summary>
internal static class AudienceRule
{
    /// <summary>True when admitting someone needs their registry facts (everyone else is admitted without a look-up).</summary>
    public static bool NeedsPerson(ActivityDefinition activity) =>
        activity.Function == BasicFunction.PartyBuilding || activity.Audience != ActivityAudience.Everyone;

    /// <summary>
    /// Null when <paramref name="person"/> (null: not in the registry) may sign up; otherwise the reason. A team
    /// audience needs the <paramref name="team"/> (null: it no longer exists, and admits nobody).
    /// </summary>
    public static string? Refusal(ActivityDefinition activity, string personId, VolunteerProfile? person, Hosting.VolunteerTeam? team = null)
    {
        if (activity.Function == BasicFunction.PartyBuilding && person is not { IsPartyMember: true })
        {
            return $"Party-building activities admit party members only (党务工作不外包: party affairs are never outsourced): '{personId}' is not a registered party member.";
        }

        return activity.Audience switch
        {
            ActivityAudience.PartyMembers when person is not { IsPartyMember: true } =>
                $"This activity is for party members only: '{personId}' is not a registered party member.",
            ActivityAudience.Grid when person?.HomeGridId != activity.GridId =>
                $"This activity is for the people of grid '{activity.GridId}': '{personId}' is not on its roster.",
            ActivityAudience.Team when team?.Includes(personId) != true =>
                $"This activity is for the volunteer team '{activity.TeamId}': '{personId}' is not in it.",
            ActivityAudience.Volunteers when person is null =>
                $"This activity is for registered volunteers: '{personId}' is not one.",
            _ => null,
        };
    }
}
