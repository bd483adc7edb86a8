using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>
/// Governance reads that span many actors, done beside them in the cluster rather than by the caller: a center's
/// subtree, a center's rating evidence for a year, and what a region's service circle is computed on. Keyed by 0;
/// it keeps no state, so any silo answers.
/// </summary>
[Alias("Lianxin.IGovernanceQueryGrain")]
public interface IGovernanceQueryGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The snapshots of a center and everything below it, the root first and parents before children; empty when the
    /// root does not exist.
    /// </summary>
    [Alias("ReadSubtree")]
    Task<IReadOnlyList<CenterSnapshot>> ReadSubtreeAsync(string rootId);

    /// <summary>
    /// The star-rating evidence of a center's year from the live actors: compliance from the registry, check-ins,
    /// approved volunteer hours and kiosk uptime from the year's evidence actor, help requests from the year's
    /// closed-loop book, and the year's drills.
    /// </summary>
    [Alias("CollectEvidence")]
    Task<RatingEvidence> CollectEvidenceAsync(CenterSnapshot center, int year);

    /// <summary>
    /// The residential points of a region's centers (each with its center and area) and the sites of the whole tree
    /// the region belongs to. <paramref name="pathToRoot"/> runs from the region up to its root.
    /// </summary>
    [Alias("ReadServiceCircle")]
    Task<ServiceCircleInput> ReadServiceCircleAsync(string regionId, IReadOnlyList<string> pathToRoot);
}
