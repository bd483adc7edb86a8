namespace Lianxin.Emergencies;

/// <summary>Who a launch would reach, grid by grid, before anything is sent.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AudiencePreview")]
public sealed record AudiencePreview(
    [property: Id(0)] int Total,
    [property: Id(1)] IReadOnlyList<GridAudience> Grids,
    [property: Id(2)] IReadOnlyList<string> Missing);
