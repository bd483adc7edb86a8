namespace Lianxin.Emergencies;

/// <summary>
/// How long after the launch 50 %, 90 % and 100 % of a group were accounted for (had answered), in seconds; null
/// while that share has not been reached.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AccountedTimes")]
public sealed record AccountedTimes(
    [property: Id(0)] double? SecondsTo50Percent,
    [property: Id(1)] double? SecondsTo90Percent,
    [property: Id(2)] double? SecondsTo100Percent);
