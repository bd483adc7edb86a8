using Lianxin.Ledger;

namespace Lianxin.Activity;

/// <summary>
/// Hours another actor (the person's ledger) must learn about, kept in the center's state until that actor confirmed
/// them. Receivers are idempotent, so an item sent again after a replay changes nothing. <see cref="Keep"/>: the hours
/// leave this center's list of hours awaiting a decision, so the ledger must write them itself (it keeps pending hours
/// in memory and asks the centers for them when it starts). <see cref="OnDuty"/> is only read from states written by
/// older versions (duty is told from presence, not kept here).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.OutboxItem")]
public sealed record OutboxItem(
    [property: Id(0)] long Version,
    [property: Id(1)] string PersonId,
    [property: Id(2)] bool? OnDuty,
    [property: Id(3)] ServiceHours? Hours,
    [property: Id(4)] bool Keep = false);
