using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>
/// One change of a person's status, as kept for ever: the order it was accepted in (<see cref="Sequence"/>), when,
/// through which channel, by whom (the person, or a grid lead on their behalf), a comment and a location.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.StatusChange")]
public sealed record StatusChange(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string VolunteerId,
    [property: Id(2)] RollCallStatus Status,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] RollCallChannel Channel,
    [property: Id(5)] string By,
    [property: Id(6)] bool OnBehalf,
    [property: Id(7)] string? Comment,
    [property: Id(8)] GeoPoint? Location);
