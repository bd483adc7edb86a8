using Lianxin.Common;

namespace Lianxin.Activities;

/// <summary>One activity in its center's list.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ActivityEntry")]
public sealed record ActivityEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] BasicFunction Function,
    [property: Id(3)] DateTimeOffset StartsAt,
    [property: Id(4)] DateTimeOffset EndsAt,
    [property: Id(5)] string Room,
    [property: Id(6)] int Capacity,
    [property: Id(7)] ActivityAudience Audience,
    [property: Id(8)] ActivityPhase Phase);
