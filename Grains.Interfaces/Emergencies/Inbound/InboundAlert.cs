using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>
/// A CAP 1.2 warning received from a configured source, as far as rules and follow-ups need it: its identity, what
/// it references, its first <c>info</c> block and every area shape and grid geocode.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.InboundAlert")]
public sealed record InboundAlert(
    [property: Id(0)] string SourceId,
    [property: Id(1)] string Sender,
    [property: Id(2)] string Identifier,
    [property: Id(3)] DateTimeOffset Sent,
    [property: Id(4)] string Status,
    [property: Id(5)] string MsgType,
    [property: Id(6)] IReadOnlyList<string> References,
    [property: Id(7)] string Event,
    [property: Id(8)] CapUrgency Urgency,
    [property: Id(9)] CapSeverity Severity,
    [property: Id(10)] string? Headline,
    [property: Id(11)] string? Description,
    [property: Id(12)] string? Instruction,
    [property: Id(13)] IReadOnlyList<GeoPolygon> Polygons,
    [property: Id(14)] IReadOnlyList<GeoCircle> Circles,
    [property: Id(15)] IReadOnlyList<string> GridCodes)
{
    /// <summary>The key a CAP message is known by: its sender and identifier (CAP's own uniqueness rule).</summary>
    public string Key => KeyOf(Sender, Identifier);

    /// <summary>The key of a warning's actor: CAP identifies a message by its sender and identifier together.</summary>
    public static string KeyOf(string sender, string identifier) => $"{sender},{identifier}";
}
