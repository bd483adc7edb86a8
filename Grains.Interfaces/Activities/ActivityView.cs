namespace Lianxin.Activities;

/// <summary>An activity as it is now: its definition, phase and the figures organisers and people see.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ActivityView")]
public sealed record ActivityView(
    [property: Id(0)] ActivityDefinition Definition,
    [property: Id(1)] ActivityPhase Phase,
    [property: Id(2)] int Confirmed,
    [property: Id(3)] int Offered,
    [property: Id(4)] int Waitlisted,
    [property: Id(5)] int Attended,
    [property: Id(6)] int NoShows,
    [property: Id(7)] int PlacesLeft,
    [property: Id(8)] string? CancelReason,
    [property: Id(9)] long Attempts);
