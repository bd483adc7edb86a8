namespace Lianxin.Emergencies;

/// <summary>One CAP 1.2 message of an emergency's chain (Alert, then Updates, then maybe a Cancel), as XML.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CapDocument")]
public sealed record CapDocument(
    [property: Id(0)] int Number,
    [property: Id(1)] string Identifier,
    [property: Id(2)] string MsgType,
    [property: Id(3)] DateTimeOffset Sent,
    [property: Id(4)] string Xml);
