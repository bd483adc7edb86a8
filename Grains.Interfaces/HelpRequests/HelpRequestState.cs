namespace Lianxin.HelpRequests;

/// <summary>
/// Where a help request stands in its closed loop (问题导向、量化闭环):
/// open → assigned → in progress → resolved → rated, or escalated when a time limit passes. A request staff turn
/// into an order (组织派单) passes through <see cref="Ordered"/> while party members and volunteers claim it, then
/// runs the same loop; one staff refuse ends <see cref="Rejected"/>.
/// </summary>
public enum HelpRequestState
{
    /// <summary>Opened, no owner yet.</summary>
    Open = 1,
    /// <summary>An owner has it and has not started.</summary>
    Assigned = 2,
    /// <summary>The owner is working on it.</summary>
    InProgress = 3,
    /// <summary>The owner reports it solved; the resident may rate it.</summary>
    Resolved = 4,
    /// <summary>The resident rated the outcome. Terminal.</summary>
    Rated = 5,
    /// <summary>Resolved, and the rating window passed without a rating. Terminal.</summary>
    Closed = 6,
    /// <summary>A time limit passed; the center (then the street) must act.</summary>
    Escalated = 7,
    /// <summary>Turned into an order: open for eligible people to claim until it has the people it needs.</summary>
    Ordered = 8,
    /// <summary>Staff turned the request down, with the reason. Terminal.</summary>
    Rejected = 9,
}
