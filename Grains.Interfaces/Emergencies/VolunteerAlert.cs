namespace Lianxin.Emergencies;

/// <summary>
/// A message of an emergency to one person, as their page and the outbound gateways show it. The reply token
/// ties every answer to this emergency.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.VolunteerAlert")]
public sealed record VolunteerAlert(
    [property: Id(0)] string EmergencyId,
    [property: Id(1)] int Number,
    [property: Id(2)] AlertKind Kind,
    [property: Id(3)] EmergencyMode Mode,
    [property: Id(4)] EmergencyLevel Level,
    [property: Id(5)] string Headline,
    [property: Id(6)] string Text,
    [property: Id(7)] string? Token,
    [property: Id(8)] string? PostId,
    [property: Id(9)] DateTimeOffset SentAt);
