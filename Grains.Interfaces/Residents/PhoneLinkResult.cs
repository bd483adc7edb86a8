namespace Lianxin.Residents;

/// <summary>The outcome of a link or unlink and the card's links afterwards.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PhoneLinkResult")]
public sealed record PhoneLinkResult(
    [property: Id(0)] PhoneLinkOutcome Outcome,
    [property: Id(1)] ResidentIdentity Identity);
