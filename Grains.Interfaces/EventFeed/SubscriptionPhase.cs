namespace Lianxin.EventFeed;

/// <summary>Where a push subscription stands.</summary>
public enum SubscriptionPhase
{
    /// <summary>Delivering, or waiting for the next event or the next retry.</summary>
    Active = 1,

    /// <summary>An event used up its retry budget: it is in the dead letters and delivery waits for an operator to resume.</summary>
    Suspended = 2,

    /// <summary>Deleted: nothing more is delivered.</summary>
    Deleted = 3,
}
