namespace Lianxin.Emergencies;

/// <summary>
/// What a person's actor answers when a message reaches it: how the outbound gateways reach them, their skills
/// (for posts), and the live emergency where they already stand at a post, if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AlertReceipt")]
public sealed record AlertReceipt(
    [property: Id(0)] string VolunteerId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Phone,
    [property: Id(3)] IReadOnlyList<string> Skills,
    [property: Id(4)] string? AtPostInEmergencyId);
