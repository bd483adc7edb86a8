namespace Lianxin.Shifts;

/// <summary>A center's rota: its shift definitions (retired ones too) and the occurrences near in time, soonest first.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ShiftRota")]
public sealed record ShiftRota(
    [property: Id(0)] string CenterId,
    [property: Id(1)] IReadOnlyList<ShiftDefinition> Definitions,
    [property: Id(2)] IReadOnlyList<ShiftOccurrence> Occurrences);
