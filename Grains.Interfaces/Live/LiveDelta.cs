namespace Lianxin.Live;

/// <summary>
/// Live protocol version 1: the items of a scope that changed since delta <see cref="Sequence"/> − 1, each replaced
/// whole, and the keys of items that went away. A client that holds a sequence other than Sequence − 1 has missed one
/// and must take a fresh snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.LiveDelta")]
public sealed record LiveDelta(
    [property: Id(0)] string Scope,
    [property: Id(1)] long Sequence,
    [property: Id(2)] IReadOnlyDictionary<string, object> Items,
    [property: Id(3)] IReadOnlyList<string> Removed);

/// <summary>
/// Live protocol version 2: the fields that changed since patch <see cref="Sequence"/> − 1, as the JSON text the
/// clients receive (docs/live-protocol.md). The feed writes it once; web hosts forward it without serializing it again
/// per scope or connection. Patches are numbered apart from version 1's deltas: the two go out at different rates.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.LivePatch")]
public sealed record LivePatch(
    [property: Id(0)] string Scope,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string Json);
