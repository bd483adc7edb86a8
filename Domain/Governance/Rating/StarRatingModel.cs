using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>
/// A versioned indicator model for the annual star rating (星级评定): three levels of indicators (dimensions →
/// indicators → measures) whose measure weights add up to 100, star thresholds, activity targets per center
/// level, and the two-yearly demonstration-center cycle. Published versions never change; a change is a new
/// version (see docs/star-rating.md).
/// </summary>
public sealed record StarRatingModel(
    string Version,
    IReadOnlyList<RatingDimension> Dimensions,
    StarThresholds Thresholds,
    IReadOnlyDictionary<CenterLevel, ActivityTargets> Targets,
    int ActiveFunctionMinCheckIns,
    int FirstDemonstrationYear,
    int DemonstrationEveryYears)
{
    /// <summary>The model in force.</summary>
    public static StarRatingModel Current => StarRatingModels.V2026_2;

    /// <summary>
    /// The fewest people a drill must reach to count as evidence (0: any drill counts): a drill of two people answered
    /// in a second says nothing about a center's readiness.
    /// </summary>
    public int DrillMinimumPeople { get; init; }

    /// <summary>Every measure of the model, in order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<RatingMeasure> Measures => Dimensions.SelectMany(d => d.Indicators).SelectMany(i => i.Measures);

    /// <summary>True for the years in which demonstration centers are chosen (every two years from the first).</summary>
    public bool IsDemonstrationYear(int year) =>
        year >= FirstDemonstrationYear && (year - FirstDemonstrationYear) % DemonstrationEveryYears == 0;
}
