namespace Lianxin.Centers;

/// <summary>A center as read through the API: registry facts, live part, subtree totals and attached things.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CenterSnapshot")]
public sealed record CenterSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] CenterProfile Profile,
    [property: Id(2)] CenterLive Live,
    [property: Id(3)] SubtreeSummary Subtree,
    [property: Id(4)] IReadOnlyList<string> ChildIds,
    [property: Id(5)] IReadOnlyList<string> GridIds,
    [property: Id(6)] IReadOnlyList<string> KioskIds);
