namespace Lianxin.Emergencies;

/// <summary>One line of the scenario catalog: enough to list and to check who may see it.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ScenarioEntry")]
public sealed record ScenarioEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] EmergencyLevel Level,
    [property: Id(3)] string? OwnerCenterId,
    [property: Id(4)] string? OwnerGridId);
