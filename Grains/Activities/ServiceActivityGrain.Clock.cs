using Lianxin.Common;

namespace Lianxin.Activities;

/// <summary>
/// The activity's clock: offers that run out and the end (no-shows). A grain timer fires at the next due moment; an
/// Orleans reminder every minute reactivates the activity after a restart or failover and re-arms the timer. A tick is
/// a step like any other: it joins the queue and is journaled before anything it does is told.
/// </summary>
internal sealed partial class ServiceActivityGrain
{
    private const string ReminderName = "activity-clock";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly DeferredWork<ServiceActivityGrain> _timer = new(static grain =>
    {
        grain._timerDue = null;
        grain.Tick();
        return Task.CompletedTask;
    }, TimeSpan.Zero, interleave: true);

    private DateTimeOffset? _timerDue;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_book.NextDue() is null)
        {
            await ScheduleAsync();
            return;
        }

        ArmTimer();
    }

    /// <summary>Keeps the reminder while the book has something due, and arms the timer.</summary>
    private async Task ScheduleAsync()
    {
        if (_book.Definition is null)
        {
            return;
        }

        if (_book.NextDue() is null)
        {
            _timer.Cancel();
            _timerDue = null;
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
        ArmTimer();
    }

    private void ArmTimer()
    {
        var due = _book.NextDue();
        if (due == _timerDue && (due is null || due > Now))
        {
            return;
        }

        _timer.Cancel();
        _timerDue = due;
        if (due is { } at)
        {
            _timer.Request(this, at - Now);
        }
    }

    private void Tick()
    {
        if (_broken is null && _book.NextDue() <= Now)
        {
            _queue.Add(new PendingStep(new ActivityEvent(0, ActivityEvent.Tick, Now), null));
        }
        else
        {
            ArmTimer();
        }
    }
}
