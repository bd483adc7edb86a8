namespace Lianxin.Emergencies;

/// <summary>
/// Who a launch would reach, grid by grid, before anything is sent. For a drawn shape it says which rule is used
/// (<see cref="Match"/>) and how many each rule would reach; it warns of posts that cannot be filled.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AudiencePreview")]
public sealed record AudiencePreview(
    [property: Id(0)] int Total,
    [property: Id(1)] IReadOnlyList<GridAudience> Grids,
    [property: Id(2)] IReadOnlyList<string> Missing,
    [property: Id(3)] IReadOnlyList<PostWarning>? PostWarnings = null,
    [property: Id(4)] ShapeMatch? Match = null,
    [property: Id(5)] int? WholeGrids = null,
    [property: Id(6)] int? Inside = null);
