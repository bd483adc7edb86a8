namespace Lianxin.Governance;

/// <summary>
/// Minimum scores for 5, 4 and 3 stars; below <see cref="ThreeStars"/> a center gets no star rating. With
/// <see cref="FiveStarsNeedFullCompliance"/>, a center failing any standards check is capped at 4 stars.
/// </summary>
public sealed record StarThresholds(double FiveStars, double FourStars, double ThreeStars, bool FiveStarsNeedFullCompliance)
{
    public int StarsFor(double score) =>
        score >= FiveStars ? 5 : score >= FourStars ? 4 : score >= ThreeStars ? 3 : 0;
}
