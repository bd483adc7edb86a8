namespace Lianxin.Emergencies;

/// <summary>
/// When an inbound CAP warning starts a scenario: its event names one of <see cref="Events"/> (contained in the
/// CAP <c>event</c>, e.g. "台风" in "台风红色预警"; empty: any), its severity is at least <see cref="MinSeverity"/>,
/// its urgency is one of <see cref="Urgencies"/> (empty: any), and its area overlaps the scenario's default scope.
/// A match proposes or launches (<see cref="Action"/>) in <see cref="Mode"/>, at <see cref="Level"/> or the level the
/// severity maps to. A warning marked Exercise only ever starts a drill.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.InboundRule")]
public sealed record InboundRule(
    [property: Id(0)] IReadOnlyList<string> Events,
    [property: Id(1)] CapSeverity MinSeverity,
    [property: Id(2)] IReadOnlyList<CapUrgency> Urgencies,
    [property: Id(3)] InboundAction Action,
    [property: Id(4)] EmergencyMode Mode,
    [property: Id(5)] EmergencyLevel? Level = null);
