namespace Lianxin.Governance;

/// <summary>
/// The rating committee's final decision for one center and year, which may differ from the computed score.
/// It keeps what the model computed when the decision was recorded, so an audit sees both side by side.
/// </summary>
/// <param name="Stars">5, 4 or 3 stars, or 0 for no star rating.</param>
/// <param name="Reason">Why the committee decided so; mandatory.</param>
/// <param name="DecidedBy">The subject of the token that recorded it.</param>
/// <param name="DecidedAt">When it was recorded.</param>
/// <param name="ComputedStars">The stars the model computed at that moment.</param>
/// <param name="ComputedScore">The score the model computed at that moment, 0–100.</param>
/// <param name="ModelVersion">The version of the indicator model that computed them.</param>
/// <param name="DecidedByRole">The role of the token that recorded it (an operator of the level above the center).</param>
[GenerateSerializer, Immutable, Alias("Lianxin.RatingDecision")]
public sealed record RatingDecision(
    [property: Id(0)] int Stars,
    [property: Id(1)] string Reason,
    [property: Id(2)] string DecidedBy,
    [property: Id(3)] DateTimeOffset DecidedAt,
    [property: Id(4)] int ComputedStars,
    [property: Id(5)] double ComputedScore,
    [property: Id(6)] string ModelVersion,
    [property: Id(7)] string? DecidedByRole = null)
{
    /// <summary>The star levels a decision may record; 0 is "no star rating".</summary>
    public static IReadOnlyList<int> AllowedStars { get; } = [5, 4, 3, 0];
}
