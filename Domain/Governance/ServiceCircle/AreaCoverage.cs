namespace Lianxin.Governance;

/// <summary>Coverage of one street or town.</summary>
public sealed record AreaCoverage(string AreaId, string AreaName, CoverageTotals Totals);
