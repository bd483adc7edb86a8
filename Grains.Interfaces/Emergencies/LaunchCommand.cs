namespace Lianxin.Emergencies;

/// <summary>
/// Everything a launch needs, with the scenario's defaults already applied by the caller. The home center (and
/// grid, for a grid lead's launch) decides who may follow and manage the emergency. The muster point (集合点) is shown
/// on the kiosks of the centers the emergency covers.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.LaunchCommand")]
public sealed record LaunchCommand(
    [property: Id(0)] string Name,
    [property: Id(1)] string? ScenarioId,
    [property: Id(2)] EmergencyMode Mode,
    [property: Id(3)] EmergencyLevel Level,
    [property: Id(4)] AlertCategory Category,
    [property: Id(5)] string Event,
    [property: Id(6)] EmergencyScope Scope,
    [property: Id(7)] IReadOnlyList<PostDefinition> Posts,
    [property: Id(8)] RollCallTimers Timers,
    [property: Id(9)] MessageTemplates Templates,
    [property: Id(10)] string LaunchedBy,
    [property: Id(11)] string HomeCenterId,
    [property: Id(12)] string? HomeGridId,
    [property: Id(13)] string? MusterPoint = null);
