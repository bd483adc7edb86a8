using Lianxin.Ledger;

namespace Lianxin.Activity;

/// <summary>
/// A change another actor must learn about (a volunteer's duty, hours to record), kept in the center's state until
/// that actor confirmed it. Items are sent only once the state holding them is durable, and receivers are idempotent.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.OutboxItem")]
public sealed record OutboxItem(
    [property: Id(0)] long Version,
    [property: Id(1)] string PersonId,
    [property: Id(2)] bool? OnDuty,
    [property: Id(3)] ServiceHours? Hours);
