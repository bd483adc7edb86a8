using Lianxin.Activities;
using Lianxin.Common;

namespace Lianxin.WebHost.Apis.Activities;

/// <summary>Reads a publish request into a definition, collecting every field's problem.</summary>
internal static class ActivityDraft
{
    public const int MaxPlaces = 100_000;
    public const int DefaultOfferMinutes = 120;

    public static ActivityDefinition Read(Validation v, PublishActivityRequest r, string centerId, DateTimeOffset now)
    {
        var id = r.Id is null ? $"act-{Guid.NewGuid():N}"[..24] : v.Id("id", r.Id);
        var title = v.Text("title", r.Title, 200);
        var function = v.Enum<BasicFunction>("function", r.Function);
        var startsAt = v.Required("startsAt", r.StartsAt);
        var endsAt = v.Required("endsAt", r.EndsAt);
        var room = v.Text("room", r.Room, 100);
        var capacity = v.Required("capacity", r.Capacity);
        var audience = v.Enum<ActivityAudience>("audience", r.Audience ?? "everyone");
        var gridId = audience == ActivityAudience.Grid ? v.Id("gridId", r.GridId) : null;
        if (audience != ActivityAudience.Grid && r.GridId is not null)
        {
            v.Add("gridId", "Only the grid audience names a grid.");
        }

        var providerId = r.ProviderId is null ? null : v.Id("providerId", r.ProviderId);
        if (providerId is not null && function == BasicFunction.PartyBuilding)
        {
            v.Add("providerId", Lianxin.Providers.OutsourcingRule.PartyAffairs);
        }

        var teamId = audience == ActivityAudience.Team ? v.Id("teamId", r.TeamId) : null;
        if (audience != ActivityAudience.Team && r.TeamId is not null)
        {
            v.Add("teamId", "Only the team audience names a team.");
        }

        var opensAt = r.SignUpOpensAt ?? now;
        var closesAt = r.SignUpClosesAt ?? startsAt;
        var waitlist = r.Waitlist ?? true;
        var waitlistLimit = r.WaitlistLimit ?? (waitlist ? capacity : 0);
        var offerMinutes = r.OfferMinutes ?? DefaultOfferMinutes;
        Range(v, "capacity", capacity, 1, MaxPlaces);
        Range(v, "waitlistLimit", waitlistLimit, 0, waitlist ? MaxPlaces : 0);
        Range(v, "offerMinutes", offerMinutes, 1, 7 * 24 * 60);
        if (r.StartsAt is not null && r.EndsAt is not null && endsAt <= startsAt)
        {
            v.Add("endsAt", "Must be after startsAt.");
        }

        if (r.EndsAt is not null && endsAt <= now)
        {
            v.Add("endsAt", "Must be in the future.");
        }

        if (closesAt <= opensAt)
        {
            v.Add("signUpClosesAt", "Must be after signUpOpensAt.");
        }
        else if (r.EndsAt is not null && closesAt > endsAt)
        {
            v.Add("signUpClosesAt", "Must not be after endsAt.");
        }

        return new ActivityDefinition(
            id, centerId, title, function, startsAt, endsAt, room, capacity, audience, gridId, opensAt, closesAt, waitlist, waitlistLimit,
            TimeSpan.FromMinutes(offerMinutes), "", now, ProviderId: providerId, TeamId: teamId);
    }

    private static void Range(Validation v, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            v.Add(field, $"Must be {min} to {max}.");
        }
    }
}
