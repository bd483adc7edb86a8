using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>Help requests of one center and function: counts, how many are overdue now, and time to resolve.</summary>
public sealed record LoopStatisticsRow(
    string CenterId,
    BasicFunction Function,
    int Raised,
    int Open,
    int OverdueNow,
    int Resolved,
    int ResolvedOnTime,
    double? MedianHoursToResolve,
    double? AverageRating);
