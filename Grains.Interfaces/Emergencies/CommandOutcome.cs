namespace Lianxin.Emergencies;

/// <summary>How a command to a running emergency (level change, end, cancel) ended.</summary>
public enum CommandOutcome
{
    /// <summary>Done and durable.</summary>
    Done = 0,
    /// <summary>No such emergency.</summary>
    NotFound = 1,
    /// <summary>The emergency has ended or was cancelled already.</summary>
    Closed = 2,
    /// <summary>Nothing to do (the level is already that level).</summary>
    NoChange = 3,
}
