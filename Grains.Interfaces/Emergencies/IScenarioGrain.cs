using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>One prepared scenario (预案), keyed by scenario id.</summary>
[Alias("Lianxin.IScenarioGrain")]
public interface IScenarioGrain : IGrainWithStringKey
{
    /// <summary>The scenario, or null when never saved.</summary>
    [Alias("Get"), ReadOnly]
    Task<ScenarioSnapshot?> GetAsync();

    /// <summary>Creates or replaces the scenario; Conflict when the owner would change.</summary>
    [Alias("Save")]
    Task<RegistryResult> SaveAsync(ScenarioDefinition definition);
}
