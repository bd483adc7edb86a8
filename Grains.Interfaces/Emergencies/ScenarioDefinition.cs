namespace Lianxin.Emergencies;

/// <summary>
/// A response prepared in advance (预案): what the launch sends, to whom by default, which posts to fill and on
/// what schedule. Owned by the command center of a region (<see cref="OwnerCenterId"/>) or by a grid lead
/// (<see cref="OwnerGridId"/>). A region's scenario may carry <see cref="InboundRules"/>: inbound CAP warnings that
/// propose or launch it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ScenarioDefinition")]
public sealed record ScenarioDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] EmergencyLevel Level,
    [property: Id(2)] AlertCategory Category,
    [property: Id(3)] string Event,
    [property: Id(4)] MessageTemplates Templates,
    [property: Id(5)] EmergencyScope? DefaultScope,
    [property: Id(6)] IReadOnlyList<PostDefinition> Posts,
    [property: Id(7)] RollCallTimers Timers,
    [property: Id(8)] string? OwnerCenterId,
    [property: Id(9)] string? OwnerGridId,
    [property: Id(10)] IReadOnlyList<InboundRule>? InboundRules = null);
