using Lianxin.Common;

namespace Lianxin.Activities;

/// <summary>
/// An activity (活动) a center publishes: what, when and where, how many places, for whom, when sign-up is open, and
/// whether a waitlist takes those who come after the places are gone (a freed place is offered to the first on it, who
/// has <see cref="OfferTime"/> to confirm before it passes on). An outsourced activity names its qualified provider
/// (<see cref="ProviderId"/>); party-building activities are never outsourced.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ActivityDefinition")]
public sealed record ActivityDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string CenterId,
    [property: Id(2)] string Title,
    [property: Id(3)] BasicFunction Function,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset EndsAt,
    [property: Id(6)] string Room,
    [property: Id(7)] int Capacity,
    [property: Id(8)] ActivityAudience Audience,
    [property: Id(9)] string? GridId,
    [property: Id(10)] DateTimeOffset SignUpOpensAt,
    [property: Id(11)] DateTimeOffset SignUpClosesAt,
    [property: Id(12)] bool Waitlist,
    [property: Id(13)] int WaitlistLimit,
    [property: Id(14)] TimeSpan OfferTime,
    [property: Id(15)] string PublishedBy,
    [property: Id(16)] DateTimeOffset PublishedAt,
    [property: Id(17)] string? ProviderId = null,
    [property: Id(18)] string? TeamId = null);
