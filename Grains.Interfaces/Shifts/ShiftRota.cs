namespace Lianxin.Shifts;

/// <summary>
/// A center's rota: its shift definitions (retired ones too), the occurrences near in time, soonest first, and how many
/// texts (SMS reminders, invitations, alerts) it still owes: none once the gateways took them.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ShiftRota")]
public sealed record ShiftRota(
    [property: Id(0)] string CenterId,
    [property: Id(1)] IReadOnlyList<ShiftDefinition> Definitions,
    [property: Id(2)] IReadOnlyList<ShiftOccurrence> Occurrences,
    [property: Id(3)] int TextsPending = 0);
