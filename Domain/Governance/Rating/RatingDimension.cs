namespace Lianxin.Governance;

/// <summary>A level-1 indicator (dimension); its weight is its indicators' summed.</summary>
public sealed record RatingDimension(string Code, string Name, string NameZh, IReadOnlyList<RatingIndicator> Indicators)
{
    public double Weight => Indicators.Sum(i => i.Weight);
}
