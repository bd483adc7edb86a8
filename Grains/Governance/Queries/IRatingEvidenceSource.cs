using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>
/// Where a center's star-rating evidence for a year comes from. Activity (check-ins, volunteer hours), kiosk
/// uptime, help requests and drills are produced by the kiosk and emergency actors; until those are connected the
/// registry source below supplies compliance only and leaves the rest missing.
/// </summary>
public interface IRatingEvidenceSource
{
    Task<RatingEvidence> CollectAsync(CenterSnapshot center, int year);
}
