namespace Lianxin.Emergencies;

/// <summary>One person in a roll-call: grid, current status, assigned post and (when asked for) every change.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PersonRollCall")]
public sealed record PersonRollCall(
    [property: Id(0)] string VolunteerId,
    [property: Id(1)] string GridId,
    [property: Id(2)] RollCallStatus Status,
    [property: Id(3)] DateTimeOffset? ChangedAt,
    [property: Id(4)] string? PostId,
    [property: Id(5)] IReadOnlyList<StatusChange> History);
