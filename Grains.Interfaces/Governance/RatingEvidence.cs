using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>
/// Everything the annual star rating of one center reads, for one rating year. A null member means the evidence
/// is not available (its source is not connected or holds nothing for the year); the rating then gives that
/// indicator no points and lists it as missing, so a center never earns points for what nobody measured.
/// </summary>
/// <param name="CenterId">The rated center.</param>
/// <param name="Year">The rating year (calendar year, local time).</param>
/// <param name="Level">The center's level, which sets its activity targets.</param>
/// <param name="Compliance">The standards checks of the center.</param>
/// <param name="CheckInsByFunction">Check-ins in the year, by the purpose of the visit.</param>
/// <param name="ApprovedVolunteerHours">Volunteer hours served at the center in the year and approved.</param>
/// <param name="KioskUptimePercent">Uptime of the center's kiosks over the year, 0–100, averaged over kiosks.</param>
/// <param name="HelpRequests">Help requests of the year by how they ended.</param>
/// <param name="Drills">Roll-call drills of the year (never real emergencies); an empty list means none was held.</param>
[GenerateSerializer, Immutable, Alias("Lianxin.RatingEvidence")]
public sealed record RatingEvidence(
    [property: Id(0)] string CenterId,
    [property: Id(1)] int Year,
    [property: Id(2)] CenterLevel Level,
    [property: Id(3)] CenterCompliance Compliance,
    [property: Id(4)] IReadOnlyDictionary<BasicFunction, int>? CheckInsByFunction,
    [property: Id(5)] double? ApprovedVolunteerHours,
    [property: Id(6)] double? KioskUptimePercent,
    [property: Id(7)] HelpRequestTally? HelpRequests,
    [property: Id(8)] IReadOnlyList<DrillEvidence>? Drills);
