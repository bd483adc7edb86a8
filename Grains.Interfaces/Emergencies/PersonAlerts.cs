namespace Lianxin.Emergencies;

/// <summary>
/// What one emergency holds for one person: the latest message that reached them (and the latest escalation, for a
/// grid lead), with their reply token while the emergency runs, and their roll-call status.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PersonAlerts")]
public sealed record PersonAlerts(
    [property: Id(0)] IReadOnlyList<VolunteerAlert> Alerts,
    [property: Id(1)] RollCallStatus Status,
    [property: Id(2)] bool Running);
