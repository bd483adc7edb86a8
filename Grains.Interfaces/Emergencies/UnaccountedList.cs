namespace Lianxin.Emergencies;

/// <summary>A grid lead's "my unaccounted people" of one emergency, pushed to the grid's live scope on escalation.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.UnaccountedList")]
public sealed record UnaccountedList(
    [property: Id(0)] string EmergencyId,
    [property: Id(1)] string GridId,
    [property: Id(2)] int Count,
    [property: Id(3)] IReadOnlyList<string> VolunteerIds,
    [property: Id(4)] DateTimeOffset At);
