using Lianxin.Common;
using Lianxin.Kiosks;

namespace Lianxin.Activity;

/// <summary>One local day's counts at a center, by the day the events occurred (late events count for their own day).</summary>
[GenerateSerializer, Alias("Lianxin.DayCounts")]
public sealed class DayCounts
{
    [Id(0)] public Dictionary<BasicFunction, int> CheckInsByPurpose { get; set; } = [];
    [Id(1)] public Dictionary<PersonRole, int> CheckInsByRole { get; set; } = [];
    [Id(2)] public Dictionary<string, int> SelfServiceByService { get; set; } = [];
}
