using Lianxin.Centers;

namespace Lianxin.Live;

/// <summary>The live totals of a region (a district, town or street center and everything below it).</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.RegionSummary")]
public sealed record RegionSummary(
    [property: Id(0)] string RegionId,
    [property: Id(1)] string Name,
    [property: Id(2)] CenterLevel Level,
    [property: Id(3)] SubtreeSummary Subtree,
    [property: Id(4)] DateTimeOffset AsOf) : ILiveItem;
