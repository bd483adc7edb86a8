namespace Lianxin.Governance;

/// <summary>
/// The rating committee's decisions for one center and one rating year, keyed by
/// <see cref="GovernanceKeys.Rating"/>. Every decision is kept in order; the latest is the final rating.
/// </summary>
[Alias("Lianxin.IStarRatingGrain")]
public interface IStarRatingGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a decision durably before answering; returns how many decisions the year now holds, or 0 (nothing
    /// recorded) when it holds <see cref="RatingDecision.MaxPerYear"/> already.
    /// </summary>
    [Alias("RecordDecision")]
    Task<int> RecordDecisionAsync(RatingDecision decision);

    /// <summary>Every decision recorded for the year, oldest first.</summary>
    [Alias("GetDecisions"), ReadOnly]
    Task<IReadOnlyList<RatingDecision>> GetDecisionsAsync();
}
