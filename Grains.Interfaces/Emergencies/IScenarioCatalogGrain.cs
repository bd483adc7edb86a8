namespace Lianxin.Emergencies;

/// <summary>The list of every scenario (a deployment has tens, not thousands); keyed 0.</summary>
[Alias("Lianxin.IScenarioCatalogGrain")]
public interface IScenarioCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or replaces a scenario's line.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(ScenarioEntry entry);

    /// <summary>Every scenario's line.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<ScenarioEntry>> ListAsync();
}
