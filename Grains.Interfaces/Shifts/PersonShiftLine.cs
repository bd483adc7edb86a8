namespace Lianxin.Shifts;

/// <summary>
/// A shift occurrence as one person sees it: its center, whether they hold a place (and their attendance), and whether
/// they were invited to it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PersonShiftLine")]
public sealed record PersonShiftLine(
    [property: Id(0)] string CenterId,
    [property: Id(1)] string OccurrenceId,
    [property: Id(2)] string ShiftId,
    [property: Id(3)] string Title,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset EndsAt,
    [property: Id(6)] int Taken,
    [property: Id(7)] int MinPeople,
    [property: Id(8)] int MaxPeople,
    [property: Id(9)] ShiftPlace? Place,
    [property: Id(10)] bool Invited);
