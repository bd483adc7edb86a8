using Lianxin.Common.Journal;
using Lianxin.Grids;
using Lianxin.Live;
using Lianxin.Volunteers;

namespace Lianxin.Emergencies;

/// <summary>
/// The roll-call's clock. A grain timer fires at the next due moment (reminders and asks may be seconds apart); an
/// Orleans reminder every minute reactivates the emergency after a restart and re-arms the timer. Each scheduled
/// action is journaled under a stable id first, so a tick that fires twice does the work once.
/// </summary>
internal sealed partial class EmergencyGrain
{
    private const string ReminderName = "rollcall";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Names of a grid lead's unaccounted people in their escalation message.</summary>
    private const int NamesInEscalation = 10;

    private IGrainTimer? _tick;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Launched is { IsRunning: true })
        {
            QueueControlled(TickAsync, "reminder tick");
            return Task.CompletedTask;
        }

        return StopScheduleAsync();
    }

    private void ScheduleTick()
    {
        _tick?.Dispose();
        _tick = null;
        if (Launched is not { IsRunning: true } ledger)
        {
            return;
        }

        var due = Due(ledger);
        var at = due.Reminder is not null || due.EscalateGridLeads || due.EscalateCommand || due.ExpireAsks ? Now : due.NextAt;
        if (at is not { } when)
        {
            return;
        }

        var delay = when - Now;
        _tick = this.RegisterGrainTimer(
            static (grain, _) =>
            {
                grain.QueueControlled(grain.TickAsync, "timer tick");
                return Task.CompletedTask;
            },
            this,
            new GrainTimerCreationOptions(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    private ScheduleDue Due(EmergencyLedger ledger) => RollCallSchedule.Due(
        ledger.Definition.Launch.Timers, ledger.Definition.LaunchedAt, ledger.Progress, Now, ledger.Posts.NextDeadline(ledger.RollCall));

    private async Task TickAsync()
    {
        if (Launched is not { IsRunning: true } ledger)
        {
            return;
        }

        var due = Due(ledger);
        if (due.ExpireAsks)
        {
            await ExpireAsksAsync(ledger);
        }

        if (due.Reminder is { } round)
        {
            await RemindAsync(ledger, round);
        }

        if (due.EscalateGridLeads)
        {
            await EscalateToGridLeadsAsync(ledger);
        }

        if (due.EscalateCommand)
        {
            await EscalateToCommandAsync(ledger);
        }

        if (due.ExpireAsks)
        {
            await FillPostsAsync();
        }

        ScheduleTick();
    }

    private async Task StopScheduleAsync()
    {
        _tick?.Dispose();
        _tick = null;
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Reminder number <paramref name="round"/>, only to those who have not answered.</summary>
    private async Task RemindAsync(EmergencyLedger ledger, int round)
    {
        var unanswered = ledger.RollCall.People.Where(p => StatusRules.NeedsReminder(p.Status)).Select(p => p.VolunteerId).ToList();
        var message = NewMessage(ledger, AlertKind.Reminder, unanswered.Count, round: round);
        var stored = await AppendAsync([Event(EmergencyEvents.Message, message, EmergencyEvents.OnceId($"{Id}/reminder/{round}"))]);
        if (stored[0] && unanswered.Count > 0)
        {
            await DeliverAsync(message, unanswered, outbound: true);
        }
    }

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

        foreach (var (gridId, people) in unaccounted)
        {
            EmergencyFeeds.Publish(GrainFactory, LiveScope.Grid(gridId), $"unaccounted:{Id}", new UnaccountedList(Id, gridId, people.Count, [.. people.Take(500)], Now));
            var grid = await GrainFactory.GetGrain<IGridGrain>(gridId).GetAsync();
            if (grid?.Roster.FirstOrDefault(e => e.Role == GridRole.Lead) is not { } lead)
            {
                continue;
            }

            var named = await Task.WhenAll(people.Take(NamesInEscalation).Select(v => GrainFactory.GetGrain<IVolunteerGrain>(v).GetAsync()));
            var names = named.OfType<VolunteerSnapshot>().Select(p => p.Profile.Name).ToList();
            var text = AlertTexts.Escalation(ledger.Definition.Launch, grid.Profile.Name, people.Count, names);
            var message = NewMessage(ledger, AlertKind.Escalation, 1, to: lead.VolunteerId, text: text);
            await AppendAsync([Event(EmergencyEvents.Message, message)]);
            await DeliverAsync(message, [lead.VolunteerId], outbound: true);
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
            EmergencyFeeds.Publish(GrainFactory, LiveScope.Emergency(Id), "escalation", item);
            EmergencyFeeds.Publish(GrainFactory, LiveScope.Region(ledger.Definition.Launch.HomeCenterId), $"escalation:{Id}", item);
        }
    }

    private static Dictionary<string, List<string>> Unaccounted(EmergencyLedger ledger) =>
        ledger.RollCall.People.Where(p => !StatusRules.IsAccounted(p.Status))
            .GroupBy(p => p.GridId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.VolunteerId).ToList(), StringComparer.Ordinal);

    private async Task ExpireAsksAsync(EmergencyLedger ledger)
    {
        var entries = ledger.Posts.Overdue(Now, ledger.RollCall).ToList()
            .Select(o => Event(EmergencyEvents.AskExpired, new AskExpiredEvent(ledger.NextSequence(), o.Slot.Id, o.Ask.VolunteerId, Now),
                EmergencyEvents.OnceId($"{Id}/expire/{o.Slot.Id}/{o.Ask.VolunteerId}")))
            .ToList();
        if (entries.Count > 0)
        {
            await AppendAsync(entries);
        }
    }

    /// <summary>
    /// Asks the next people on each post's reserve list while the post wants more. People standing at a post of
    /// another live emergency are skipped.
    /// </summary>
    private async Task FillPostsAsync()
    {
        if (Launched is not { IsRunning: true } ledger)
        {
            return;
        }

        IReadOnlySet<string>? liveElsewhere = null;
        foreach (var slot in ledger.Posts.Slots.Where(s => s.Reserve is not null))
        {
            var wanted = PostBoard.Wanted(slot, ledger.RollCall);
            var excluded = new HashSet<string>(StringComparer.Ordinal);
            while (wanted > 0)
            {
                var candidates = ledger.Posts.NextCandidates(slot, ledger.RollCall, excluded, wanted);
                if (candidates.Count == 0)
                {
                    break;
                }

                liveElsewhere ??= await LiveEmergenciesElsewhereAsync();
                excluded.UnionWith(await AtPostElsewhereAsync(candidates, liveElsewhere));
                foreach (var volunteerId in candidates.Where(c => !excluded.Contains(c)))
                {
                    await AskAsync(ledger, slot, volunteerId);
                    wanted--;
                }
            }
        }

        if (liveElsewhere is not null)
        {
            ScheduleTick();
        }
    }

    private async Task AskAsync(EmergencyLedger ledger, PostSlot slot, string volunteerId)
    {
        var asked = new AskedEvent(ledger.NextSequence(), slot.Id, volunteerId, Now, Now + ledger.Definition.Launch.Timers.AskTimeout);
        var message = NewMessage(ledger, AlertKind.PostAsk, 1, post: slot.Definition, to: volunteerId);
        await AppendAsync([Event(EmergencyEvents.Asked, asked), Event(EmergencyEvents.Message, message)]);
        await DeliverAsync(message, [volunteerId], outbound: true);
    }

    private async Task<IReadOnlySet<string>> LiveEmergenciesElsewhereAsync()
    {
        var all = await GrainFactory.GetGrain<IEmergencyDirectoryGrain>(0).ListAsync();
        return all.Where(e => e.Phase == EmergencyPhase.Running && e.Id != Id).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<IEnumerable<string>> AtPostElsewhereAsync(IReadOnlyList<string> candidates, IReadOnlySet<string> liveElsewhere)
    {
        if (liveElsewhere.Count == 0)
        {
            return [];
        }

        var people = await Task.WhenAll(candidates.Select(v => GrainFactory.GetGrain<IVolunteerGrain>(v).GetAsync()));
        return people.OfType<VolunteerSnapshot>()
            .Where(p => p.Live is { Status: VolunteerStatus.AtPost, EmergencyId: { } elsewhere } && liveElsewhere.Contains(elsewhere))
            .Select(p => p.Id);
    }
}
