using System.Text.Json.Serialization;

namespace Lianxin.Live;

/// <summary>
/// The items of a scope that changed since delta <see cref="Sequence"/> − 1, each replaced whole, and the keys of
/// items that went away. A client that holds a sequence other than Sequence − 1 has missed one and must take a
/// fresh snapshot. The feed also writes the same delta once in live protocol version 2 (<see cref="Version2Json"/>:
/// only the fields that changed), so web hosts forward it without serializing it again per scope or connection.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.LiveDelta")]
public sealed record LiveDelta(
    [property: Id(0)] string Scope,
    [property: Id(1)] long Sequence,
    [property: Id(2)] IReadOnlyDictionary<string, object> Items,
    [property: Id(3)] IReadOnlyList<string> Removed,
    [property: Id(4), JsonIgnore] string? Version2Json = null);
