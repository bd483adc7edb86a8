namespace Lianxin.Centers;

/// <summary>Where a center hangs in the tree: enough to walk up it without reading whole snapshots.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CenterLink")]
public sealed record CenterLink([property: Id(0)] CenterLevel Level, [property: Id(1)] string? ParentId);
