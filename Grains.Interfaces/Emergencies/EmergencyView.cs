namespace Lianxin.Emergencies;

/// <summary>An emergency as read through the API: its definition, where it is, and its roll-call totals.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.EmergencyView")]
public sealed record EmergencyView(
    [property: Id(0)] EmergencyDefinition Definition,
    [property: Id(1)] EmergencyPhase Phase,
    [property: Id(2)] EmergencyLevel Level,
    [property: Id(3)] DateTimeOffset? ClosedAt,
    [property: Id(4)] int Total,
    [property: Id(5)] int Accounted);
