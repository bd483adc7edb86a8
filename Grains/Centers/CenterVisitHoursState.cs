using Lianxin.Common;

namespace Lianxin.Centers;

/// <summary>The persisted hourly visit count of a center. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.CenterVisitHoursState")]
public sealed class CenterVisitHoursState
{
    [Id(0)] public DateTimeOffset? HourStart { get; set; }
    [Id(1)] public Dictionary<BasicFunction, int> Hour { get; set; } = [];
    [Id(2)] public Dictionary<BasicFunction, int> Latest { get; set; } = [];
}
