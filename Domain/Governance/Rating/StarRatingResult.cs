namespace Lianxin.Governance;

/// <summary>
/// A computed star rating with every contribution: the score (0–100), the stars it earns, the stars the score
/// alone would earn before the compliance gate, and the evidence that was missing.
/// </summary>
public sealed record StarRatingResult(
    string CenterId,
    int Year,
    string ModelVersion,
    double Score,
    int Stars,
    int StarsByScore,
    IReadOnlyList<DimensionScore> Dimensions,
    IReadOnlyList<string> MissingEvidence,
    IReadOnlyList<string> Notes)
{
    /// <summary>True when every measure had evidence.</summary>
    public bool EvidenceComplete => MissingEvidence.Count == 0;
}

/// <summary>A level-1 indicator's points out of its weight.</summary>
public sealed record DimensionScore(string Code, string Name, string NameZh, double Weight, double Points, IReadOnlyList<IndicatorScore> Indicators);

/// <summary>A level-2 indicator's points out of its weight.</summary>
public sealed record IndicatorScore(string Code, string Name, string NameZh, double Weight, double Points, IReadOnlyList<MeasureScore> Measures);

/// <summary>A level-3 measure: the share of its weight earned (null: no evidence), its points, and the numbers behind them.</summary>
public sealed record MeasureScore(string Code, string Name, string NameZh, double Weight, double? Fraction, double Points, string Evidence);
