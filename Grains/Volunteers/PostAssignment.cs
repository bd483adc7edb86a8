namespace Lianxin.Volunteers;

/// <summary>Where a person stands: a live emergency's post (null when at its general muster point) since when.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PostAssignment")]
public sealed record PostAssignment(
    [property: Id(0)] string EmergencyId,
    [property: Id(1)] string? PostId,
    [property: Id(2)] DateTimeOffset Since);
