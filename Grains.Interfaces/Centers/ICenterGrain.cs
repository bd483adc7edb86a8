using Lianxin.Common;

namespace Lianxin.Centers;

/// <summary>
/// One Party-Mass Service Center (or station). Keyed by the center id. Holds the registry facts, the live
/// state of the center, and the summed state of its subtree, which its children report to it.
/// </summary>
[Alias("Lianxin.ICenterGrain")]
public interface ICenterGrain : IGrainWithStringKey
{
    /// <summary>The center as it is now, or null when no center with this id was created.</summary>
    [Alias("Get"), ReadOnly]
    Task<CenterSnapshot?> GetAsync();

    /// <summary>How full the center is now against its capacity, and today's pattern by hour; null when no center has this id.</summary>
    [Alias("GetCrowd"), ReadOnly]
    Task<CenterCrowd?> GetCrowdAsync();

    /// <summary>The center's level and parent, or null when no center with this id was created.</summary>
    [Alias("GetLink"), ReadOnly]
    Task<CenterLink?> GetLinkAsync();

    /// <summary>Creates the center; Conflict when it exists, NotFound when the parent does not, Conflict on a cycle.</summary>
    [Alias("Create")]
    Task<RegistryResult> CreateAsync(CenterProfile profile);

    /// <summary>Replaces the registry facts; NotFound when the center or new parent does not exist, Conflict on a cycle.</summary>
    [Alias("Update")]
    Task<RegistryResult> UpdateAsync(CenterProfile profile);

    /// <summary>Records that a center no longer has this center as its parent, and drops its subtree totals.</summary>
    [Alias("DetachChild")]
    Task DetachChildAsync(string childId);

    /// <summary>
    /// A child reports its subtree totals, which also records it as a child. Reports carry the child's own sequence number so a late, older
    /// report never overwrites a newer one.
    /// </summary>
    [Alias("ReportChildSubtree")]
    Task ReportChildSubtreeAsync(string childId, long sequence, SubtreeSummary summary);

    /// <summary>Attaches a grid to this center.</summary>
    [Alias("AttachGrid")]
    Task AttachGridAsync(string gridId);

    /// <summary>Detaches a grid from this center.</summary>
    [Alias("DetachGrid")]
    Task DetachGridAsync(string gridId);

    /// <summary>Attaches a kiosk to this center.</summary>
    [Alias("AttachKiosk")]
    Task AttachKioskAsync(string kioskId);

    /// <summary>Detaches a kiosk from this center.</summary>
    [Alias("DetachKiosk")]
    Task DetachKioskAsync(string kioskId);

    /// <summary>
    /// Whether a volunteer is on duty at this center. The center keeps the set of people on duty and derives its
    /// counter from it, so a repeated call changes nothing and a re-sent one repairs a lost one. Held in memory: after
    /// a restart the center rebuilds the set by asking the people its activity has inside where they are on duty.
    /// </summary>
    [Alias("SetVolunteerOnDuty")]
    Task SetVolunteerOnDutyAsync(string personId, bool onDuty);

    /// <summary>
    /// The center's activity actor reports what its kiosks drive (people inside, today's check-ins, open help
    /// requests, kiosks online). Reports are absolute, so a repeated one changes nothing.
    /// </summary>
    [Alias("ReportActivity")]
    Task ReportActivityAsync(CenterActivityFigures figures);
}
