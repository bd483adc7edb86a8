namespace Lianxin.Emergencies;

/// <summary>Where a proposed launch stands.</summary>
public enum ProposalState
{
    /// <summary>Waiting for an operator's one-key confirmation.</summary>
    Proposed = 0,
    /// <summary>Confirmed: the emergency was launched.</summary>
    Launched = 1,
    /// <summary>An operator decided not to launch.</summary>
    Dismissed = 2,
    /// <summary>The warning was cancelled by its sender before anyone decided.</summary>
    Withdrawn = 3,
}
