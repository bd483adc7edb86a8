namespace Lianxin.Activity;

/// <summary>Volunteer hours served at a center that its staff have not approved or declined yet.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.HoursAwaitingDecision")]
public sealed record HoursAwaitingDecision(
    [property: Id(0)] Guid HoursId,
    [property: Id(1)] string PersonId,
    [property: Id(2)] DateTimeOffset From,
    [property: Id(3)] DateTimeOffset To,
    [property: Id(4)] bool Automatic);
