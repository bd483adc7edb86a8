namespace Lianxin.Emergencies;

/// <summary>A scenario as read through the API.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ScenarioSnapshot")]
public sealed record ScenarioSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] ScenarioDefinition Definition,
    [property: Id(2)] DateTimeOffset UpdatedAt);
