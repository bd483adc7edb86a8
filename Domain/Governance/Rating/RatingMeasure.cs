using System.Text.Json.Serialization;

namespace Lianxin.Governance;

/// <summary>A level-3 indicator: a weight and a rule that reads the evidence into a share of that weight.</summary>
/// <param name="Code">Stable code, e.g. "B2.1".</param>
/// <param name="Name">English name.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="Weight">Points at full marks; all measures of a model add up to 100.</param>
/// <param name="Scoring">How the rule scores, in words (published with the model).</param>
/// <param name="Read">The rule.</param>
public sealed record RatingMeasure(
    string Code,
    string Name,
    string NameZh,
    double Weight,
    string Scoring,
    [property: JsonIgnore] Func<RatingEvidence, StarRatingModel, MeasureReading> Read);
