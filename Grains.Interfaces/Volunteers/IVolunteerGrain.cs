using Lianxin.Common;
using Lianxin.Emergencies;

namespace Lianxin.Volunteers;

/// <summary>One person (volunteer or party member), keyed by person id: registry facts and live status.</summary>
[Alias("Lianxin.IVolunteerGrain")]
public interface IVolunteerGrain : IGrainWithStringKey
{
    /// <summary>The person as they are now, or null when never created.</summary>
    [Alias("Get"), ReadOnly]
    Task<VolunteerSnapshot?> GetAsync();

    /// <summary>The person's registry facts alone, or null: for rules about the person, without reading their live status.</summary>
    [Alias("GetProfile"), ReadOnly]
    Task<VolunteerProfile?> GetProfileAsync();

    /// <summary>Creates the person and puts them on their home grid's roster.</summary>
    [Alias("Create")]
    Task<RegistryResult> CreateAsync(VolunteerProfile profile);

    /// <summary>Replaces the person's facts; a new home grid or role moves them on the rosters.</summary>
    [Alias("Update")]
    Task<RegistryResult> UpdateAsync(VolunteerProfile profile);

    /// <summary>Starts duty at a center (ending any duty elsewhere); NotFound when the person does not exist.</summary>
    [Alias("StartDuty")]
    Task<RegistryResult> StartDutyAsync(string centerId);

    /// <summary>Ends duty at the center; a no-op when not on duty there (the person may have started duty elsewhere since).</summary>
    [Alias("EndDuty")]
    Task EndDutyAsync(string centerId);

    /// <summary>
    /// The center where the person is on duty now, or null. Duty is held in memory, told by the center's activity as
    /// people check in and out; after a restart it is derived again from the center's presence.
    /// </summary>
    [Alias("GetDutyCenter")]
    Task<string?> GetDutyCenterAsync();

    /// <summary>The emergency ended or was cancelled: a post held in it is released.</summary>
    [Alias("StandDown"), OneWay]
    Task StandDownAsync(string emergencyId);

    /// <summary>The person's roll-call status in an emergency changed (at a post, or no longer mobilized).</summary>
    [Alias("ReportRollCall"), OneWay]
    Task ReportRollCallAsync(string emergencyId, RollCallStatus status, string? postId);

    /// <summary>
    /// The latest message of every current emergency that reached the person, with their reply tokens, read from the
    /// emergencies themselves (they keep them durably): a page shows the alert after any restart.
    /// </summary>
    [Alias("GetAlerts"), ReadOnly]
    Task<IReadOnlyList<VolunteerAlert>> GetAlertsAsync();
}
