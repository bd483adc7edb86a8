namespace Lianxin.Emergencies;

/// <summary>The command center's escalation: how many are still unaccounted, grid by grid.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CommandEscalation")]
public sealed record CommandEscalation(
    [property: Id(0)] string EmergencyId,
    [property: Id(1)] int Unaccounted,
    [property: Id(2)] IReadOnlyDictionary<string, int> ByGrid,
    [property: Id(3)] DateTimeOffset At);
