namespace Lianxin.Governance;

/// <summary>
/// A person a help request can be given to, with the facts the party-affairs rule needs: party-building tasks go
/// only to party members, never to third-party accounts.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.LoopAssignee")]
public sealed record LoopAssignee(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] bool IsPartyMember,
    [property: Id(3)] bool IsThirdParty);
