namespace Lianxin.Providers;

/// <summary>A provider as its actor holds it: the profile, who last changed it and when, and the centers that engaged it.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ProviderView")]
public sealed record ProviderView(
    [property: Id(0)] ProviderProfile Profile,
    [property: Id(1)] string ChangedBy,
    [property: Id(2)] DateTimeOffset ChangedAt,
    [property: Id(3)] IReadOnlyList<string> CenterIds);
