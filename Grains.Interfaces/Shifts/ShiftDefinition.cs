namespace Lianxin.Shifts;

/// <summary>
/// A recurring duty shift of a center (e.g. the self-service room's evening watch, weekdays 18:00-22:00): the local
/// weekdays it runs on, its local start and end (an end not after the start runs past midnight), and how many people it
/// needs at least and takes at most. Retired shifts stay readable but make no new occurrences.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ShiftDefinition")]
public sealed record ShiftDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] IReadOnlyList<DayOfWeek> Days,
    [property: Id(3)] TimeOnly Starts,
    [property: Id(4)] TimeOnly Ends,
    [property: Id(5)] int MinPeople,
    [property: Id(6)] int MaxPeople,
    [property: Id(7)] DateTimeOffset? RetiredAt = null);
