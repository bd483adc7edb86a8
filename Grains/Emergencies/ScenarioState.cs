namespace Lianxin.Emergencies;

/// <summary>The persisted state of a scenario. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.ScenarioState")]
public sealed class ScenarioState
{
    /// <summary>Null until the scenario is saved.</summary>
    [Id(0)] public ScenarioDefinition? Definition { get; set; }
    [Id(1)] public DateTimeOffset UpdatedAt { get; set; }
}
