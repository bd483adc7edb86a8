using Lianxin.Common;
using Lianxin.Live;
using Microsoft.Extensions.Logging;

namespace Lianxin.Emergencies;

/// <summary>
/// Acts on one inbound CAP warning once. An Alert is matched against every region scenario's rules: a match
/// launches at once or proposes the launch on the region's dashboard. An Update or Cancel follows what the warnings it
/// references started: a Cancel cancels their emergencies (the sender's reason is what everyone is told) and
/// withdraws open proposals; an Update moves their level to its severity. Launches and proposals have ids made from
/// the warning and the scenario, so a retry after a crash finishes the work without doing any of it twice.
/// </summary>
internal sealed partial class InboundAlertGrain(
    [PersistentState(StorageNames.InboundAlertState, StorageNames.Default)] IPersistentState<InboundAlertState> state,
    TimeProvider clock,
    ILogger<InboundAlertGrain> logger) : Grain, IInboundAlertGrain
{
    public Task<InboundOutcome?> GetAsync() => Task.FromResult(state.State.Outcome);

    public async Task<InboundOutcome> ReceiveAsync(InboundAlert alert)
    {
        if (state.State.Outcome is { } done)
        {
            return done with { Duplicate = true };
        }

        var outcome = alert.MsgType switch
        {
            "Alert" => await MatchAsync(alert),
            "Update" or "Cancel" => await FollowAsync(alert),
            _ => Outcome(alert, [], [], []),
        };
        state.State.Alert = alert;
        state.State.Outcome = outcome;
        await state.WriteStateAsync();
        LogReceived(alert.Key, alert.MsgType, outcome.Matches.Count, outcome.FollowedEmergencies.Count);
        return outcome;
    }

    private async Task<InboundOutcome> MatchAsync(InboundAlert alert)
    {
        var entries = await GrainFactory.GetGrain<IScenarioCatalogGrain>(0).ListAsync();
        var scenarios = await Task.WhenAll(entries.Where(e => e.OwnerCenterId is not null).Select(e => GrainFactory.GetGrain<IScenarioGrain>(e.Id).GetAsync()));
        var matches = new List<InboundMatch>();
        foreach (var scenario in scenarios.OfType<ScenarioSnapshot>().Where(s => s.Definition.InboundRules is { Count: > 0 }))
        {
            foreach (var rule in scenario.Definition.InboundRules!)
            {
                if (CapRules.Match(rule, alert) is not { } mode
                    || ScenarioLaunch.Command(scenario, mode, CapRules.Level(rule, alert), $"cap:{alert.SourceId}") is not { } command
                    || !CapRules.Overlaps(alert, (await new AudienceResolver(GrainFactory).ResolveAsync(command.Scope)).Grids))
                {
                    continue;
                }

                matches.Add(rule.Action == InboundAction.Launch ? await LaunchAsync(alert, scenario, command) : await ProposeAsync(alert, scenario, command));
                break;
            }
        }

        return Outcome(alert, matches, [], []);
    }

    private async Task<InboundMatch> LaunchAsync(InboundAlert alert, ScenarioSnapshot scenario, LaunchCommand command)
    {
        var id = CapRules.IdFor("cap", alert.Key, scenario.Id);
        var result = await GrainFactory.GetGrain<IEmergencyGrain>(id).LaunchAsync(command);
        var launched = result.Outcome is LaunchOutcome.Launched or LaunchOutcome.AlreadyLaunched;
        if (!launched)
        {
            LogLaunchRefused(alert.Key, scenario.Id, result.Detail);
        }

        return new InboundMatch(scenario.Id, InboundAction.Launch, command.Mode, command.Level, null, launched ? id : null);
    }

    private async Task<InboundMatch> ProposeAsync(InboundAlert alert, ScenarioSnapshot scenario, LaunchCommand command)
    {
        var proposal = await GrainFactory.GetGrain<IAlertProposalsGrain>(0).ProposeAsync(new AlertProposal(
            CapRules.IdFor("prop", alert.Key, scenario.Id), scenario.Id, scenario.Definition.Name, alert.Key, alert.SourceId, alert.Event,
            alert.Severity, alert.Urgency, alert.Headline, command.Mode, command.Level, command.HomeCenterId, clock.GetUtcNow(),
            ProposalState.Proposed, null, null, null));
        return new InboundMatch(scenario.Id, InboundAction.Propose, command.Mode, command.Level, proposal.Id, null);
    }

    private async Task<InboundOutcome> FollowAsync(InboundAlert alert)
    {
        var earlier = (await Task.WhenAll(alert.References.Distinct(StringComparer.Ordinal).Where(key => key != alert.Key)
            .Select(key => GrainFactory.GetGrain<IInboundAlertGrain>(key).GetAsync()))).OfType<InboundOutcome>().ToList();
        var matches = earlier.SelectMany(o => o.Matches).DistinctBy(m => m.ScenarioId).ToList();
        var proposals = GrainFactory.GetGrain<IAlertProposalsGrain>(0);
        var byProposal = (await proposals.ListAsync()).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var emergencies = new List<string>();
        var withdrawn = new List<string>();
        foreach (var match in matches)
        {
            if (match.ProposalId is { } proposalId && alert.MsgType == "Cancel" && await proposals.WithdrawAsync(proposalId))
            {
                withdrawn.Add(proposalId);
            }

            var emergencyId = match.EmergencyId ?? (match.ProposalId is { } p && byProposal.TryGetValue(p, out var proposal) ? proposal.EmergencyId : null);
            if (emergencyId is not null && await FollowEmergencyAsync(alert, emergencyId))
            {
                emergencies.Add(emergencyId);
            }
        }

        return Outcome(alert, matches, emergencies, withdrawn);
    }

    /// <summary>Cancels the emergency or moves it to the update's level; true when it was running.</summary>
    private async Task<bool> FollowEmergencyAsync(InboundAlert alert, string emergencyId)
    {
        var emergency = GrainFactory.GetGrain<IEmergencyGrain>(emergencyId);
        var by = $"cap:{alert.SourceId}";
        CommandResult result;
        if (alert.MsgType == "Cancel")
        {
            var reason = alert.Description ?? alert.Headline ?? "预警发布单位已撤销该预警";
            result = await emergency.CancelAsync(new CloseCommand(by, reason));
        }
        else if (alert.Severity != CapSeverity.Unknown)
        {
            result = await emergency.ChangeLevelAsync(new LevelChange(CapRules.LevelOf(alert.Severity), by, alert.Headline));
        }
        else
        {
            return false;
        }

        return result.Outcome is CommandOutcome.Done or CommandOutcome.NoChange;
    }

    private InboundOutcome Outcome(InboundAlert alert, IReadOnlyList<InboundMatch> matches, IReadOnlyList<string> followed, IReadOnlyList<string> withdrawn) =>
        new(alert.Key, alert.MsgType, false, matches, followed, withdrawn, clock.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound warning {AlertKey} ({MsgType}): {Matches} scenarios matched, {Followed} emergencies followed")]
    private partial void LogReceived(string alertKey, string msgType, int matches, int followed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound warning {AlertKey} matched scenario {ScenarioId} but its launch was refused: {Detail}")]
    private partial void LogLaunchRefused(string alertKey, string scenarioId, string? detail);
}
