namespace Lianxin.Emergencies;

/// <summary>One addressee of a batch: the person, their reply token, and what the gateway needs to reach them.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AlertRecipient")]
public sealed record AlertRecipient(
    [property: Id(0)] string VolunteerId,
    [property: Id(1)] string? Token,
    [property: Id(2)] string Name = "",
    [property: Id(3)] string Phone = "");
