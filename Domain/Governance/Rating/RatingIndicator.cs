namespace Lianxin.Governance;

/// <summary>A level-2 indicator: a group of measures; its weight is theirs summed.</summary>
public sealed record RatingIndicator(string Code, string Name, string NameZh, IReadOnlyList<RatingMeasure> Measures)
{
    public double Weight => Measures.Sum(m => m.Weight);
}
