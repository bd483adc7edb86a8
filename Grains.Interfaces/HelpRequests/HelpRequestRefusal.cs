namespace Lianxin.HelpRequests;

/// <summary>Why a help-request action was refused.</summary>
public enum HelpRequestRefusal
{
    /// <summary>Not refused.</summary>
    None = 0,
    /// <summary>The ticket was never opened.</summary>
    NotFound = 1,
    /// <summary>The ticket's stage or owner does not allow the action.</summary>
    Conflict = 2,
    /// <summary>The party-affairs rule: party-building work only by party members, never third-party accounts.</summary>
    PartyAffairs = 3,
    /// <summary>The input is out of range (a rating outside 1–5).</summary>
    Invalid = 4,
    /// <summary>An order already has every person it needs.</summary>
    Full = 5,
    /// <summary>The claimer lacks a skill the order needs, or is not near its center.</summary>
    NotEligible = 6,
}
