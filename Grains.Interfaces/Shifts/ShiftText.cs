namespace Lianxin.Shifts;

/// <summary>
/// A text a rota owes someone about one occurrence: a reminder or an invitation to a person, or the alert to the
/// center's staff contact (<see cref="PersonId"/> null) that it is short of people. <see cref="Id"/>
/// (<c>{occurrenceId}/{kind}/{personId or staff}</c>) is the same for the same occurrence, kind and person however often
/// it is sent, and so is the gateway's idempotency key made from it. Carries no phone number: the sender looks it up.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ShiftText")]
public sealed record ShiftText(
    [property: Id(0)] string Id,
    [property: Id(1)] ShiftTextKind Kind,
    [property: Id(2)] string OccurrenceId,
    [property: Id(3)] string Title,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset EndsAt,
    [property: Id(6)] string? PersonId,
    [property: Id(7)] int Taken,
    [property: Id(8)] int MinPeople);

/// <summary>What a <see cref="ShiftText"/> says.</summary>
public enum ShiftTextKind
{
    /// <summary>To a person holding a place: the shift starts soon.</summary>
    Reminder = 0,
    /// <summary>To an available person: the shift is short of people.</summary>
    Invitation = 1,
    /// <summary>To the center's staff contact: the shift is short of its minimum a day ahead.</summary>
    ShortOfPeople = 2,
}
