using Lianxin.Common;

namespace Lianxin.Volunteers;

/// <summary>One person (volunteer or party member), keyed by person id: registry facts and live status.</summary>
[Alias("Lianxin.IVolunteerGrain")]
public interface IVolunteerGrain : IGrainWithStringKey
{
    /// <summary>The person as they are now, or null when never created.</summary>
    [Alias("Get"), ReadOnly]
    Task<VolunteerSnapshot?> GetAsync();

    /// <summary>Creates the person and puts them on their home grid's roster.</summary>
    [Alias("Create")]
    Task<RegistryResult> CreateAsync(VolunteerProfile profile);

    /// <summary>Replaces the person's facts; a new home grid or role moves them on the rosters.</summary>
    [Alias("Update")]
    Task<RegistryResult> UpdateAsync(VolunteerProfile profile);

    /// <summary>Starts duty at a center (ending any duty elsewhere); NotFound when the person does not exist.</summary>
    [Alias("StartDuty")]
    Task<RegistryResult> StartDutyAsync(string centerId);

    /// <summary>Ends duty; a no-op when not on duty.</summary>
    [Alias("EndDuty")]
    Task EndDutyAsync();
}
