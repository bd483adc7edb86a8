namespace Lianxin.WebHost.Apis.Governance;

/// <summary>The rating committee's final decision: 5, 4 or 3 stars, or 0 for no star rating, and why.</summary>
public sealed record RatingDecisionRequest(int? Stars, string? Reason);

/// <summary>The demonstration centers a region chose, and why.</summary>
public sealed record DemonstrationRequest(IReadOnlyList<string>? CenterIds, string? Reason);
