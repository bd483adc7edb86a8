using Lianxin.Centers;
using Lianxin.Governance;
using Lianxin.Volunteers;

namespace Lianxin.WebHost.Apis.HelpRequests;

/// <summary>
/// Who a help request can be given to, with their registry facts as they are now: a volunteer (person id; party
/// membership from the volunteer registry) or a member of a center's staff (a third-party operator's account when
/// the staff role is <see cref="StaffRole.ThirdParty"/>).
/// </summary>
internal static class Assignees
{
    public const string StaffPrefix = "staff:";

    public static string StaffId(string centerId, string name) => $"{StaffPrefix}{centerId}:{name}";

    /// <summary>The person with the id an assignment recorded, as they are now; null when they are gone.</summary>
    public static async Task<LoopAssignee?> ReadAsync(IGrainFactory grains, string id)
    {
        if (!id.StartsWith(StaffPrefix, StringComparison.Ordinal))
        {
            return await VolunteerAsync(grains, id);
        }

        var rest = id[StaffPrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : await StaffAsync(grains, rest[..colon], rest[(colon + 1)..]);
    }

    public static async Task<LoopAssignee?> VolunteerAsync(IGrainFactory grains, string volunteerId) =>
        await grains.GetGrain<IVolunteerGrain>(volunteerId).GetProfileAsync() is { } v
            ? new LoopAssignee(volunteerId, v.Name, v.IsPartyMember, false)
            : null;

    public static async Task<LoopAssignee?> StaffAsync(IGrainFactory grains, string centerId, string name) =>
        await grains.GetGrain<ICenterGrain>(centerId).GetAsync() is { } center
        && center.Profile.Staff.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal)) is { } member
            ? new LoopAssignee(StaffId(centerId, name), member.Name, member.IsPartyMember, member.Role == StaffRole.ThirdParty)
            : null;
}
