using Lianxin.Grids;
using Lianxin.Live;
using Lianxin.Volunteers;

namespace Lianxin.Emergencies;

/// <summary>Escalating the unaccounted: first to their grid leads, later to the command center.</summary>
internal sealed partial class EmergencyGrain
{
    /// <summary>Names of a grid lead's unaccounted people in their escalation message.</summary>
    private const int NamesInEscalation = 10;

    /// <summary>Every grid lead gets "my unaccounted people"; their grid's live scope shows the list.</summary>
    private async Task EscalateToGridLeadsAsync(EmergencyLedger ledger)
    {
        var unaccounted = Unaccounted(ledger);
        var escalated = new EscalatedEvent(ledger.NextSequence(), EscalationTiers.GridLead, Now, unaccounted.ToDictionary(g => g.Key, g => g.Value.Count));
        var stored = await AppendAsync([Event(EmergencyEvents.Escalated, escalated, EmergencyEvents.OnceId($"{Id}/escalate/{EscalationTiers.GridLead}"))]);
        if (!stored[0])
        {
            return;
        }

        // The command center's screens learn that the grid leads were told, and how many they were told about.
        var told = new CommandEscalation(Id, escalated.ByGrid.Values.Sum(), escalated.ByGrid, Now);
        LiveFeeds.Publish(GrainFactory, LiveScope.Emergency(Id), $"escalation:{Id}:{EscalationTiers.GridLead}", told);
        LiveFeeds.Publish(GrainFactory, LiveScope.Region(ledger.Definition.Launch.HomeCenterId), $"escalation:{Id}:{EscalationTiers.GridLead}", told);

        foreach (var (gridId, everyone) in unaccounted)
        {
            // The lead is told about the others: their own silence is the command center's to see, not theirs.
            var grid = await GrainFactory.GetGrain<IGridGrain>(gridId).GetAsync();
            var leadId = grid?.Roster.FirstOrDefault(e => e.Role == GridRole.Lead)?.VolunteerId;
            var people = everyone.Where(v => v != leadId).ToList();
            LiveFeeds.Publish(GrainFactory, LiveScope.Grid(gridId), $"unaccounted:{Id}", new UnaccountedList(Id, gridId, people.Count, [.. people.Take(500)], Now));
            if (grid is null || leadId is null || people.Count == 0)
            {
                continue;
            }

            var named = await Task.WhenAll(people.Take(NamesInEscalation).Select(v => GrainFactory.GetGrain<IVolunteerGrain>(v).GetProfileAsync()));
            var names = named.OfType<VolunteerProfile>().Select(p => p.Name).ToList();
            var text = AlertTexts.Escalation(ledger.Definition.Launch, grid.Profile.Name, people.Count, names);
            var message = NewMessage(ledger, AlertKind.Escalation, 1, to: leadId, text: text);
            await AppendAsync([Event(EmergencyEvents.Message, message)]);
            await DeliverAsync(message, [leadId]);
        }
    }

    /// <summary>The command center sees how many are still unaccounted, grid by grid.</summary>
    private async Task EscalateToCommandAsync(EmergencyLedger ledger)
    {
        var byGrid = Unaccounted(ledger).ToDictionary(g => g.Key, g => g.Value.Count);
        var escalated = new EscalatedEvent(ledger.NextSequence(), EscalationTiers.Command, Now, byGrid);
        var stored = await AppendAsync([Event(EmergencyEvents.Escalated, escalated, EmergencyEvents.OnceId($"{Id}/escalate/{EscalationTiers.Command}"))]);
        if (stored[0])
        {
            var item = new CommandEscalation(Id, byGrid.Values.Sum(), byGrid, Now);
            LiveFeeds.Publish(GrainFactory, LiveScope.Emergency(Id), $"escalation:{Id}", item);
            LiveFeeds.Publish(GrainFactory, LiveScope.Region(ledger.Definition.Launch.HomeCenterId), $"escalation:{Id}", item);
        }
    }

    private static Dictionary<string, List<string>> Unaccounted(EmergencyLedger ledger) =>
        ledger.RollCall.People.Where(p => !StatusRules.IsAccounted(p.Status))
            .GroupBy(p => p.GridId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.VolunteerId).ToList(), StringComparer.Ordinal);
}
