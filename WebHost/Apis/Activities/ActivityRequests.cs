namespace Lianxin.WebHost.Apis.Activities;

/// <summary>
/// An activity to publish. Optional: <c>id</c> (generated when absent; the same id and details again is answered with
/// the activity, not a second one), <c>gridId</c> (required for the grid audience), <c>teamId</c> (required for the
/// team audience), the sign-up window (default: from
/// now to the start), <c>waitlist</c> (default on), <c>waitlistLimit</c> (default: as many as the places) and
/// <c>offerMinutes</c> (how long a freed place is held for the next on the waitlist, default 120), <c>providerId</c> (an
/// outsourced activity: the qualified provider that runs it; never for party-building).
/// </summary>
public sealed record PublishActivityRequest(
    string? Id,
    string? Title,
    string? Function,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Room,
    int? Capacity,
    string? Audience,
    string? GridId,
    DateTimeOffset? SignUpOpensAt,
    DateTimeOffset? SignUpClosesAt,
    bool? Waitlist,
    int? WaitlistLimit,
    int? OfferMinutes,
    string? ProviderId = null,
    string? TeamId = null);

/// <summary>Cancelling an activity: the reason everyone signed up is told.</summary>
public sealed record CancelActivityRequest(string? Reason);

/// <summary>A sign-up for a person (a volunteer signs up as themselves; staff may sign someone up at the desk).</summary>
public sealed record SignUpRequest(string? PersonId);
