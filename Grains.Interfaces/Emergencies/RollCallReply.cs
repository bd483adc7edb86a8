using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>
/// An answer to a roll-call: either the person's own, carrying their reply <see cref="Token"/>, or a grid lead's on
/// the person's behalf (<see cref="OnBehalf"/>, naming <see cref="VolunteerId"/>, with a mandatory comment).
/// <see cref="RequestId"/>, when the client sends one, makes a resent answer count once.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.RollCallReply")]
public sealed record RollCallReply(
    [property: Id(0)] string? Token,
    [property: Id(1)] string? VolunteerId,
    [property: Id(2)] RollCallStatus Status,
    [property: Id(3)] RollCallChannel Channel,
    [property: Id(4)] string By,
    [property: Id(5)] bool OnBehalf,
    [property: Id(6)] string? Comment,
    [property: Id(7)] GeoPoint? Location,
    [property: Id(8)] Guid? RequestId);
