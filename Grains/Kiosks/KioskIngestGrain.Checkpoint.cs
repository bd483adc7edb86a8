using Lianxin.Activity;
using Microsoft.Extensions.Logging;

namespace Lianxin.Kiosks;

/// <summary>The checkpoint: how far the kiosk's journal has been applied durably, with the counts that go with it.</summary>
internal sealed partial class KioskIngestGrain
{
    private const string RecoveryReminder = "recovery";

    /// <summary>True once this activation has registered the recovery reminder (<see cref="EnsureRecoveryReminderAsync"/>).</summary>
    private bool _recoveryHeld;

    /// <summary>One checkpoint at a time: a deactivation waits for the one in flight, then makes its own.</summary>
    private async Task CheckpointAsync()
    {
        if (_checkpointing is { IsCompleted: false } running)
        {
            await running;
        }

        await (_checkpointing = CheckpointOnceAsync());
    }

    /// <summary>
    /// Records the applied position (and the counts that go with it). Center activity writes on its own and help
    /// requests open on their own: the position recorded goes no further than what they have made durable. Runs interleaved with batches, so it works on what it took at its start.
    /// </summary>
    private async Task CheckpointOnceAsync()
    {
        var position = _progress.AppliedPosition;
        foreach (var opening in _opening.ToList())
        {
            if (!opening.Open.IsCompleted)
            {
                position = Math.Min(position, opening.Position - 1);
            }
            else if (opening.Open.Exception is { } failed)
            {
                // Not recorded as applied: a fresh activation replays from the last checkpoint and opens it again.
                LogOpenFailed(KioskId, failed);
                this.DeactivateOnIdle();
                return;
            }
            else
            {
                _opening.Remove(opening);
            }
        }

        foreach (var (centerId, sent) in _progress.Unconfirmed)
        {
            var durable = await GrainFactory.GetGrain<ICenterActivityGrain>(centerId).ConfirmAsync(KioskId, sent);
            position = Math.Min(position, _progress.Confirmed(centerId, sent, durable));
        }

        // The counts stored go with the position stored, so a replay after a crash counts the rest exactly once: the
        // newest page end at or below the position (a replay from a little earlier is harmless, the actors skip it).
        if (_progress.Checkpoint(position, State.AppliedPosition) is not { } reached)
        {
            return;
        }

        (State.AppliedPosition, State.Accepted, State.Rejected) = (reached.Position, reached.Accepted, reached.Rejected);
        await state.WriteStateAsync();
    }

    /// <summary>Registers the recovery reminder once per activation (a fresh activation may find it registered already).</summary>
    private async Task EnsureRecoveryReminderAsync()
    {
        if (!_recoveryHeld)
        {
            var every = options.Value.RecoveryInterval;
            await this.RegisterOrUpdateReminder(RecoveryReminder, every, every);
            _recoveryHeld = true;
        }
    }

    /// <summary>
    /// The recovery reminder's tick. Its activation already applied what the journal held beyond the checkpoint; the
    /// tick checkpoints, and lets the reminder go once the kiosk has been quiet for a whole period and its checkpoint
    /// covers everything applied (the next batch registers it again).
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await CheckpointAsync();
        var quiet = State.LastBatchAt is not { } last || clock.GetUtcNow() - last >= options.Value.RecoveryInterval;
        if (quiet && State.AppliedPosition >= _progress.AppliedPosition && await this.GetReminder(RecoveryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _recoveryHeld = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kiosk {KioskId} could not open a help request; its events are applied again")]
    private partial void LogOpenFailed(string kioskId, Exception exception);
}
