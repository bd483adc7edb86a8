using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>
/// Where a center's star-rating evidence for a year comes from: <see cref="LiveEvidenceSource"/> reads the live actors
/// (the web host's choice); <see cref="RegistryEvidenceSource"/> supplies compliance only.
/// </summary>
public interface IRatingEvidenceSource
{
    Task<RatingEvidence> CollectAsync(CenterSnapshot center, int year);
}
