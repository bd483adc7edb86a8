using Lianxin.Common;

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

    private readonly DeferredWork<EmergencyGrain> _tick = new(static grain =>
    {
        grain.QueueControlled(grain.TickAsync, "timer tick");
        return Task.CompletedTask;
    }, TimeSpan.Zero, interleave: true);

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
        _tick.Cancel();
        if (_deactivating || Launched is not { IsRunning: true } ledger)
        {
            return;
        }

        var due = Due(ledger);
        var at = due.Reminder is not null || due.EscalateGridLeads || due.EscalateCommand || due.ExpireAsks ? Now : due.NextAt;
        if (NextChannelDue(ledger) is { } channels && (at is null || channels < at))
        {
            at = channels;
        }
        if (at is not { } when)
        {
            return;
        }

        _tick.Request(this, when - Now);
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

        await AdvanceChannelsAsync(ledger);
        ScheduleTick();
    }

    private async Task StopScheduleAsync()
    {
        _tick.Cancel();
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
            await DeliverAsync(message, unanswered);
        }
    }

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
}
