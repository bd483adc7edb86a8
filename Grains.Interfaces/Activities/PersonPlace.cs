namespace Lianxin.Activities;

/// <summary>A person's place in an activity: status, waitlist position, an open offer's deadline, attendance.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PersonPlace")]
public sealed record PersonPlace(
    [property: Id(0)] string PersonId,
    [property: Id(1)] PlaceStatus Status,
    [property: Id(2)] int? Position,
    [property: Id(3)] DateTimeOffset? OfferExpiresAt,
    [property: Id(4)] DateTimeOffset SignedUpAt,
    [property: Id(5)] long Arrival,
    [property: Id(6)] DateTimeOffset? CheckedInAt);
