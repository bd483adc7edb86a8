using Lianxin.Common;
using Lianxin.Kiosks;

namespace Lianxin.Governance;

/// <summary>
/// A center's activity evidence for one rating year (keyed by <see cref="GovernanceKeys.Rating"/>), kept for the star
/// rating after the live actors have forgotten it: check-ins by function per local day (reported by the center's
/// activity actor), approved volunteer hours (by the ledgers), and kiosk uptime per kiosk and day (by kiosk health).
/// Every report replaces what it reports, so a repeated one is harmless.
/// </summary>
[Alias("Lianxin.ICenterEvidenceGrain")]
public interface ICenterEvidenceGrain : IGrainWithStringKey
{
    /// <summary>A local day's check-ins by purpose, as counted so far (replaces the day).</summary>
    [Alias("RecordCheckIns")]
    Task RecordCheckInsAsync(DateOnly day, IReadOnlyDictionary<BasicFunction, int> checkIns);

    /// <summary>Volunteer hours served at the center and approved (idempotent by hours id).</summary>
    [Alias("RecordApprovedHours")]
    Task RecordApprovedHoursAsync(Guid hoursId, double hours);

    /// <summary>
    /// Volunteer service at the center approved, with who served, the local day and the points it earned (idempotent by
    /// hours id); counts in the approved hours like <see cref="RecordApprovedHoursAsync"/> and feeds the hours export.
    /// </summary>
    [Alias("RecordApprovedService")]
    Task RecordApprovedServiceAsync(ApprovedService service);

    /// <summary>Approved service whose local day lies in [<paramref name="from"/>, <paramref name="to"/>] (days of this actor's year).</summary>
    [Alias("GetService"), ReadOnly]
    Task<IReadOnlyList<ApprovedService>> GetServiceAsync(DateOnly from, DateOnly to);

    /// <summary>A kiosk's uptime on one local day (replaces that kiosk's day).</summary>
    [Alias("RecordKioskUptime")]
    Task RecordKioskUptimeAsync(string kioskId, DailyUptime uptime);

    /// <summary>The year's evidence so far.</summary>
    [Alias("Get"), ReadOnly]
    Task<CenterYearEvidence> GetAsync();
}
