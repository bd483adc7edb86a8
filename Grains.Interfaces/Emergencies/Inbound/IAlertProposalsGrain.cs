namespace Lianxin.Emergencies;

/// <summary>Every launch proposed by an inbound warning (tens, not thousands); keyed 0.</summary>
[Alias("Lianxin.IAlertProposalsGrain")]
public interface IAlertProposalsGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a proposal; one with the same id is kept as it is.</summary>
    [Alias("Propose")]
    Task<AlertProposal> ProposeAsync(AlertProposal proposal);

    /// <summary>Launches the proposed scenario; confirming again answers the same emergency.</summary>
    [Alias("Confirm")]
    Task<ProposalDecision> ConfirmAsync(string proposalId, string by);

    /// <summary>Decides not to launch.</summary>
    [Alias("Dismiss")]
    Task<ProposalDecision> DismissAsync(string proposalId, string by);

    /// <summary>The warning was cancelled: a proposal nobody decided on is withdrawn.</summary>
    [Alias("Withdraw")]
    Task<bool> WithdrawAsync(string proposalId);

    /// <summary>Every proposal, newest first.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<AlertProposal>> ListAsync();
}
