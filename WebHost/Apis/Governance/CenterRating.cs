using Lianxin.Centers;
using Lianxin.Governance;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>
/// A center's rating for a year: what the model computes from the evidence, the committee's decisions, and the
/// final stars (the latest decision when there is one, otherwise the computed stars).
/// </summary>
public sealed record CenterRating(
    string CenterId,
    string Name,
    CenterLevel Level,
    int Year,
    StarRatingResult Computed,
    IReadOnlyList<RatingDecision> Decisions,
    int FinalStars,
    string FinalFrom)
{
    public const string FromCommittee = "committee";
    public const string FromModel = "computed";

    public RatingDecision? Decision => Decisions.Count == 0 ? null : Decisions[^1];

    public static async Task<CenterRating> ReadAsync(IGrainFactory grains, CenterSnapshot center, int year)
    {
        var computed = StarRatingCalculator.Compute(StarRatingModel.Current, await grains.GetGrain<IGovernanceQueryGrain>(0).CollectEvidenceAsync(center, year));
        var decisions = await grains.GetGrain<IStarRatingGrain>(GovernanceKeys.Rating(center.Id, year)).GetDecisionsAsync();
        return decisions.Count == 0
            ? new(center.Id, center.Profile.Name, center.Profile.Level, year, computed, decisions, computed.Stars, FromModel)
            : new(center.Id, center.Profile.Name, center.Profile.Level, year, computed, decisions, decisions[^1].Stars, FromCommittee);
    }
}
