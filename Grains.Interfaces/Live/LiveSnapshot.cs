namespace Lianxin.Live;

/// <summary>
/// Everything a scope shows, as of <see cref="Sequence"/>: items keyed by what they describe (a center id,
/// "summary", a grid id, …). A client starts from a snapshot and applies deltas numbered Sequence + 1, + 2, ….
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.LiveSnapshot")]
public sealed record LiveSnapshot(
    [property: Id(0)] string Scope,
    [property: Id(1)] long Sequence,
    [property: Id(2)] IReadOnlyDictionary<string, object> Items);
