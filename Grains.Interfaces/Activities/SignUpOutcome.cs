namespace Lianxin.Activities;

/// <summary>The answer to a sign-up attempt.</summary>
public enum SignUpOutcome
{
    /// <summary>A place is theirs (durable before this answer).</summary>
    Confirmed = 0,
    /// <summary>On the waitlist at the answer's position.</summary>
    Waitlisted = 1,
    /// <summary>No place and no room on the waitlist.</summary>
    Full = 2,
    /// <summary>Not admitted by the activity's audience (the reason says why).</summary>
    Refused = 3,
    /// <summary>Sign-up is not open (before or after the window, or the activity is cancelled or over).</summary>
    Closed = 4,
    /// <summary>The activity does not exist.</summary>
    NotFound = 5,
}
