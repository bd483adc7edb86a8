using System.Text.RegularExpressions;
using Lianxin.Common;
using Lianxin.Grids;
using Lianxin.Volunteers;

namespace Lianxin.WebHost.Apis.Registry;

/// <summary>A person as written through the API.</summary>
public sealed partial record VolunteerRequest(
    string? Id,
    string? Name,
    string? Phone,
    bool? IsPartyMember,
    bool? IsMobilePartyMember,
    bool? IsInServicePartyMember,
    string? HomeGridId,
    string? GridRole,
    IReadOnlyList<string>? Skills,
    GeoPoint? Location)
{
    internal VolunteerProfile ToProfile(Validation v)
    {
        if (Phone is null || !PhonePattern().IsMatch(Phone))
        {
            v.Add("phone", "Must be a mainland mobile number: 11 digits starting with 1.");
        }

        var isPartyMember = IsPartyMember ?? false;
        if (!isPartyMember && (IsMobilePartyMember == true || IsInServicePartyMember == true))
        {
            v.Add("isPartyMember", "Mobile and in-service party members are party members.");
        }

        if (Location is { IsValid: false })
        {
            v.Add("location", "Must be a WGS84 position {latitude, longitude}.");
        }

        var skills = (Skills ?? []).Select((s, i) => v.Text($"skills[{i}]", s, 40)).Distinct().ToList();
        return new VolunteerProfile(
            v.Text("name", Name, 50),
            Phone ?? "",
            isPartyMember,
            IsMobilePartyMember ?? false,
            IsInServicePartyMember ?? false,
            v.Id("homeGridId", HomeGridId),
            GridRole is null ? Grids.GridRole.Member : v.Enum<GridRole>("gridRole", GridRole),
            skills,
            Location);
    }

    [GeneratedRegex("^1[0-9]{10}$")]
    private static partial Regex PhonePattern();
}
