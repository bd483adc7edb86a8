namespace Lianxin.Providers;

/// <summary>One line of the provider directory: the view and the path of its region (the region first).</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ProviderEntry")]
public sealed record ProviderEntry(
    [property: Id(0)] ProviderView Provider,
    [property: Id(1)] IReadOnlyList<string> RegionPath);
