using Lianxin.Live;

namespace Lianxin.Activities;

/// <summary>
/// What a person's live feed (<c>volunteer:{id}</c>, item <c>activity:{activityId}</c>) shows about an activity they
/// signed up for: a place offered to them (until when), or the activity cancelled (with the reason).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ActivityNotice")]
public sealed record ActivityNotice(
    [property: Id(0)] string ActivityId,
    [property: Id(1)] string Title,
    [property: Id(2)] ActivityNoticeKind Kind,
    [property: Id(3)] string? Reason,
    [property: Id(4)] DateTimeOffset? OfferExpiresAt,
    [property: Id(5)] DateTimeOffset AsOf) : ILiveItem;

/// <summary>What an <see cref="ActivityNotice"/> tells.</summary>
public enum ActivityNoticeKind
{
    /// <summary>A place is held for the person: confirm before it expires.</summary>
    PlaceOffered = 0,
    /// <summary>The activity was cancelled.</summary>
    ActivityCancelled = 1,
}
