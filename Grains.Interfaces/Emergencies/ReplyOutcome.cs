namespace Lianxin.Emergencies;

/// <summary>How an answer to a roll-call ended; the HTTP edge maps each to a status code.</summary>
public enum ReplyOutcome
{
    /// <summary>Durably recorded.</summary>
    Recorded = 0,
    /// <summary>The same request was recorded before; nothing changed.</summary>
    Duplicate = 1,
    /// <summary>No such emergency.</summary>
    EmergencyNotFound = 2,
    /// <summary>The person is not part of this roll-call.</summary>
    PersonNotFound = 3,
    /// <summary>The token is not a reply token of this emergency.</summary>
    TokenRejected = 4,
    /// <summary>The emergency has ended or was cancelled: statuses are frozen.</summary>
    Closed = 5,
    /// <summary>The answer itself is not acceptable (a system-only status, on-behalf without a comment).</summary>
    Invalid = 6,
}
