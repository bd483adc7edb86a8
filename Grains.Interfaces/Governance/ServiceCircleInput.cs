namespace Lianxin.Governance;

/// <summary>What a region's 15-minute service circle is computed on.</summary>
/// <param name="Points">The residential points of the region's centers, each with its center and area.</param>
/// <param name="Sites">Every center and station of the whole tree the region belongs to: residents near a border walk
/// to the nearest one, whichever region it belongs to.</param>
[GenerateSerializer, Immutable, Alias("Lianxin.ServiceCircleInput")]
public sealed record ServiceCircleInput(
    [property: Id(0)] IReadOnlyList<PlacedPoint> Points,
    [property: Id(1)] IReadOnlyList<ServiceSite> Sites);
