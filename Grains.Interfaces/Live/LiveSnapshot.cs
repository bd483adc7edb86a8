using System.Text.Json.Serialization;

namespace Lianxin.Live;

/// <summary>
/// Everything a scope shows, as of delta <see cref="Sequence"/> and patch <see cref="PatchSequence"/>: items keyed by
/// what they describe (a center id, "summary", a grid id, …). A version-1 client starts from a snapshot and applies
/// deltas numbered Sequence + 1, + 2, …; a version-2 client gets the same items numbered with PatchSequence instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.LiveSnapshot")]
public sealed record LiveSnapshot(
    [property: Id(0)] string Scope,
    [property: Id(1)] long Sequence,
    [property: Id(2)] IReadOnlyDictionary<string, object> Items,
    [property: Id(3), JsonIgnore] long PatchSequence = 0)
{
    /// <summary>The same snapshot numbered for a version-2 client.</summary>
    public LiveSnapshot ForPatches() => this with { Sequence = PatchSequence };
}
