namespace Lianxin.Emergencies;

/// <summary>One addressee of a batch: the person and their reply token.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AlertRecipient")]
public sealed record AlertRecipient([property: Id(0)] string VolunteerId, [property: Id(1)] string? Token);
