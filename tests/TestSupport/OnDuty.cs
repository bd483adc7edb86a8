using Lianxin.Centers;

namespace Lianxin.TestSupport;

/// <summary>Puts people on duty at a center the way volunteers' duty does: one new person each.</summary>
public static class OnDuty
{
    /// <summary>Puts <paramref name="people"/> new people on duty at the center.</summary>
    public static async Task AddPeopleOnDutyAsync(this ICenterGrain center, int people)
    {
        for (var i = 0; i < people; i++)
        {
            await center.SetVolunteerOnDutyAsync($"on-duty-{Guid.NewGuid():N}", onDuty: true);
        }
    }
}
