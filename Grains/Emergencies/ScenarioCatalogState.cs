namespace Lianxin.Emergencies;

/// <summary>The persisted scenario catalog. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.ScenarioCatalogState")]
public sealed class ScenarioCatalogState
{
    [Id(0)] public Dictionary<string, ScenarioEntry> Entries { get; set; } = [];
}
