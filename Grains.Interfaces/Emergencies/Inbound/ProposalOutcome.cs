namespace Lianxin.Emergencies;

/// <summary>How a decision on a proposal ended.</summary>
public enum ProposalOutcome
{
    /// <summary>Done now (or done before the same way: a repeated confirmation answers the same emergency).</summary>
    Done = 0,
    /// <summary>No such proposal.</summary>
    NotFound = 1,
    /// <summary>Decided otherwise before, or withdrawn.</summary>
    Closed = 2,
    /// <summary>The launch was refused (its scope reaches nobody any more).</summary>
    LaunchFailed = 3,
}
