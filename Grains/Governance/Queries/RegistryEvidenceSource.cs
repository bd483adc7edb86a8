using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>
/// Evidence from the registry alone: the center's standards checks as they are now. Every activity measure is left
/// missing (null), so it earns no points and is listed as missing in the rating.
/// </summary>
public sealed class RegistryEvidenceSource : IRatingEvidenceSource
{
    public Task<RatingEvidence> CollectAsync(CenterSnapshot center, int year) =>
        Task.FromResult(new RatingEvidence(center.Id, year, center.Profile.Level, ComplianceRules.Evaluate(center), null, null, null, null, null));
}
