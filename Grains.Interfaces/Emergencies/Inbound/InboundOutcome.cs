namespace Lianxin.Emergencies;

/// <summary>
/// What an inbound warning did: the scenarios it matched (an Alert), or the emergencies and proposals it followed
/// (an Update or Cancel naming earlier warnings in <c>references</c>). <see cref="Duplicate"/> when the same sender
/// and identifier arrived before: nothing was done again.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.InboundOutcome")]
public sealed record InboundOutcome(
    [property: Id(0)] string Key,
    [property: Id(1)] string MsgType,
    [property: Id(2)] bool Duplicate,
    [property: Id(3)] IReadOnlyList<InboundMatch> Matches,
    [property: Id(4)] IReadOnlyList<string> FollowedEmergencies,
    [property: Id(5)] IReadOnlyList<string> WithdrawnProposals,
    [property: Id(6)] DateTimeOffset ReceivedAt);
