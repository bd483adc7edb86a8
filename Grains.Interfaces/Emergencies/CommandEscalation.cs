namespace Lianxin.Emergencies;

/// <summary>
/// An escalation of the unaccounted (to the command center, or to the grid leads as the command center's screens see it):
/// how many were still unaccounted, grid by grid, and when.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CommandEscalation")]
public sealed record CommandEscalation(
    [property: Id(0)] string EmergencyId,
    [property: Id(1)] int Unaccounted,
    [property: Id(2)] IReadOnlyDictionary<string, int> ByGrid,
    [property: Id(3)] DateTimeOffset At);
