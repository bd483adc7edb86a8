using Lianxin.Common;
using Lianxin.Live;

namespace Lianxin.Emergencies;

/// <summary>
/// The launches inbound warnings proposed. Each proposal is shown live on its region's dashboard (item
/// <c>proposal:{id}</c> of the region feed) and launched with one confirmation, under an emergency id made from the
/// proposal, so a repeated confirmation answers the same emergency.
/// </summary>
internal sealed class AlertProposalsGrain(
    [PersistentState(StorageNames.AlertProposalsState, StorageNames.Default)] IPersistentState<AlertProposalsState> state,
    TimeProvider clock) : Grain, IAlertProposalsGrain
{
    public Task<IReadOnlyList<AlertProposal>> ListAsync() =>
        Task.FromResult<IReadOnlyList<AlertProposal>>([.. state.State.Proposals.Values.OrderByDescending(p => p.ProposedAt)]);

    public async Task<AlertProposal> ProposeAsync(AlertProposal proposal)
    {
        if (state.State.Proposals.TryGetValue(proposal.Id, out var known))
        {
            return known;
        }

        await SaveAsync(proposal);
        return proposal;
    }

    public async Task<ProposalDecision> ConfirmAsync(string proposalId, string by)
    {
        if (!state.State.Proposals.TryGetValue(proposalId, out var proposal))
        {
            return new ProposalDecision(ProposalOutcome.NotFound, $"Proposal '{proposalId}' does not exist.", null, null);
        }

        if (proposal.State is not (ProposalState.Proposed or ProposalState.Launched))
        {
            return new ProposalDecision(ProposalOutcome.Closed, $"Proposal '{proposalId}' was {proposal.State.ToString().ToLowerInvariant()}.", proposal, null);
        }

        var scenario = await GrainFactory.GetGrain<IScenarioGrain>(proposal.ScenarioId).GetAsync();
        var command = scenario is null ? null : ScenarioLaunch.Command(scenario, proposal.Mode, proposal.Level, by);
        if (command is null)
        {
            return new ProposalDecision(ProposalOutcome.LaunchFailed, $"Scenario '{proposal.ScenarioId}' no longer has a default scope and owner region.", proposal, null);
        }

        // The launcher of a confirmed launch is whoever confirmed first: a later confirmation finds the same emergency.
        var emergencyId = EmergencyIdOf(proposal);
        var emergency = GrainFactory.GetGrain<IEmergencyGrain>(emergencyId);
        var launch = proposal.State == ProposalState.Launched && await emergency.GetAsync() is { } view
            ? new LaunchResult(LaunchOutcome.AlreadyLaunched, null, view)
            : await emergency.LaunchAsync(command);
        if (launch.Outcome is not (LaunchOutcome.Launched or LaunchOutcome.AlreadyLaunched))
        {
            return new ProposalDecision(ProposalOutcome.LaunchFailed, launch.Detail, proposal, launch);
        }

        if (proposal.State == ProposalState.Proposed)
        {
            proposal = proposal with { State = ProposalState.Launched, EmergencyId = emergencyId, DecidedBy = by, DecidedAt = clock.GetUtcNow() };
            await SaveAsync(proposal);
        }

        return new ProposalDecision(ProposalOutcome.Done, null, proposal, launch);
    }

    public async Task<ProposalDecision> DismissAsync(string proposalId, string by)
    {
        if (!state.State.Proposals.TryGetValue(proposalId, out var proposal))
        {
            return new ProposalDecision(ProposalOutcome.NotFound, $"Proposal '{proposalId}' does not exist.", null, null);
        }

        if (proposal.State == ProposalState.Dismissed)
        {
            return new ProposalDecision(ProposalOutcome.Done, null, proposal, null);
        }

        if (proposal.State != ProposalState.Proposed)
        {
            return new ProposalDecision(ProposalOutcome.Closed, $"Proposal '{proposalId}' was {proposal.State.ToString().ToLowerInvariant()}.", proposal, null);
        }

        proposal = proposal with { State = ProposalState.Dismissed, DecidedBy = by, DecidedAt = clock.GetUtcNow() };
        await SaveAsync(proposal);
        return new ProposalDecision(ProposalOutcome.Done, null, proposal, null);
    }

    public async Task<bool> WithdrawAsync(string proposalId)
    {
        if (!state.State.Proposals.TryGetValue(proposalId, out var proposal) || proposal.State != ProposalState.Proposed)
        {
            return false;
        }

        await SaveAsync(proposal with { State = ProposalState.Withdrawn, DecidedBy = "cap", DecidedAt = clock.GetUtcNow() });
        return true;
    }

    /// <summary>The emergency a proposal launches: the same id however often it is confirmed.</summary>
    public static string EmergencyIdOf(AlertProposal proposal) => CapRules.IdFor("cap", proposal.AlertKey, proposal.ScenarioId);

    private async Task SaveAsync(AlertProposal proposal)
    {
        state.State.Proposals[proposal.Id] = proposal;
        await state.WriteStateAsync();
        LiveFeeds.Publish(GrainFactory, LiveScope.Region(proposal.HomeCenterId), $"proposal:{proposal.Id}", proposal);
    }
}
