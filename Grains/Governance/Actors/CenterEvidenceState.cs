using Lianxin.Common;
using Lianxin.Kiosks;

namespace Lianxin.Governance;

/// <summary>The persisted activity evidence of one center and year. A schema: members only added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.CenterEvidenceState")]
public sealed class CenterEvidenceState
{
    [Id(0)] public Dictionary<DateOnly, Dictionary<BasicFunction, int>> CheckIns { get; set; } = [];

    /// <summary>Approved hours of the year; the ids already counted are in <see cref="HoursCounted"/>.</summary>
    [Id(1)] public double ApprovedHours { get; set; }

    [Id(2)] public HashSet<Guid> HoursCounted { get; set; } = [];

    [Id(3)] public Dictionary<string, Dictionary<DateOnly, DailyUptime>> KioskUptime { get; set; } = [];

    /// <summary>Approved service with its day, person and points, for the hours export (approvals recorded since it was kept).</summary>
    [Id(4)] public Dictionary<Guid, ApprovedService> Service { get; set; } = [];
}
