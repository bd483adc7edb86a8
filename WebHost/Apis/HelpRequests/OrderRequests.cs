using Lianxin.HelpRequests;

namespace Lianxin.WebHost.Apis.HelpRequests;

/// <summary>
/// Staff turn a request into an order: the skills it needs, how many people, how many minutes it stays open for claims,
/// and optionally the volunteer team (of its center or above) whose members alone may claim it.
/// </summary>
public sealed record OrderHelpRequestRequest(IReadOnlyList<string?>? Skills, int? PeopleNeeded, int? TimeLimitMinutes, string? Note, string? TeamId = null);

/// <summary>Staff turn a request down, with the reason the resident is told.</summary>
public sealed record RejectHelpRequestRequest(string? Reason);

/// <summary>A person claims an order: themselves with a volunteer token, or anyone near it when staff record it for them.</summary>
public sealed record ClaimOrderRequest(string? PersonId);

/// <summary>
/// The answer to an accepted claim: the claimer's place among the claimers (1 = first), how many the order needs and
/// has, and its stage (<c>assigned</c> once it has them all).
/// </summary>
public sealed record ClaimAnswer(string OrderId, string PersonId, int Position, int PeopleNeeded, int Claimed, HelpRequestState Stage);
