namespace Lianxin.Shifts;

/// <summary>
/// One concrete occurrence of a shift (id <c>{shiftId}-{yyyyMMdd}</c>, the local day it starts): its instants, the
/// limits it was made with, the places taken (cancelled ones kept), when it was found short of its minimum (and staff
/// alerted), who was invited then, and whether attendance is settled (after the end).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ShiftOccurrence")]
public sealed record ShiftOccurrence(
    [property: Id(0)] string Id,
    [property: Id(1)] string ShiftId,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset StartsAt,
    [property: Id(4)] DateTimeOffset EndsAt,
    [property: Id(5)] int MinPeople,
    [property: Id(6)] int MaxPeople,
    [property: Id(7)] IReadOnlyList<ShiftPlace> Places,
    [property: Id(8)] DateTimeOffset? AtRiskAt = null,
    [property: Id(9)] IReadOnlyList<string>? Invited = null,
    [property: Id(10)] bool DutyChecked = false,
    [property: Id(11)] bool Settled = false)
{
    /// <summary>People holding a place now.</summary>
    public int Taken => Places.Count(p => p.Active);

    /// <summary>The place a person holds now, if any.</summary>
    public ShiftPlace? PlaceOf(string personId) => Places.FirstOrDefault(p => p.PersonId == personId && p.Active);
}
