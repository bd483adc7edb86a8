using Lianxin.Live;

namespace Lianxin.Shifts;

/// <summary>
/// What a person's live feed (<c>volunteer:{id}</c>, item <c>shift:{occurrenceId}</c>) shows about a shift: a reminder
/// before it, an invitation to take a place on one short of people, or its cancellation (the shift changed or retired).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ShiftNotice")]
public sealed record ShiftNotice(
    [property: Id(0)] string CenterId,
    [property: Id(1)] string OccurrenceId,
    [property: Id(2)] string Title,
    [property: Id(3)] ShiftNoticeKind Kind,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset EndsAt,
    [property: Id(6)] DateTimeOffset AsOf) : ILiveItem;

/// <summary>What a <see cref="ShiftNotice"/> tells.</summary>
public enum ShiftNoticeKind
{
    /// <summary>The shift starts soon and the person holds a place.</summary>
    Reminder = 0,
    /// <summary>The shift is short of people and the person is available for it.</summary>
    Invitation = 1,
    /// <summary>The shift no longer runs then (changed or retired): the place is gone.</summary>
    Cancelled = 2,
}
