namespace Lianxin.Activity;

/// <summary>A check-out with no check-in before it yet: kept so a late, out-of-order check-in pairs with it.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.UnpairedCheckOut")]
public sealed record UnpairedCheckOut(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] string KioskId,
    [property: Id(2)] DateTimeOffset At);
