namespace Lianxin.Emergencies;

/// <summary>Where an ask for a post stands.</summary>
internal enum AskState
{
    /// <summary>Asked, no answer yet, still in time.</summary>
    Pending,
    /// <summary>Answered with anything but "cannot come".</summary>
    Accepted,
    /// <summary>Answered "cannot come" or "need help": someone else is asked.</summary>
    Declined,
    /// <summary>No answer in time: the next person was asked.</summary>
    Expired,
    /// <summary>Confirmed when the post had enough people already: thanked and stood down.</summary>
    StoodDown,
}
