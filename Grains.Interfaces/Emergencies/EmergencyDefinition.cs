namespace Lianxin.Emergencies;

/// <summary>A launched emergency's fixed facts: the launch command, when it was accepted and its fingerprint.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.EmergencyDefinition")]
public sealed record EmergencyDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] LaunchCommand Launch,
    [property: Id(2)] DateTimeOffset LaunchedAt,
    [property: Id(3)] string Fingerprint);
