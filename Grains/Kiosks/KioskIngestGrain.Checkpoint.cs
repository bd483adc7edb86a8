using Lianxin.Activity;
using Microsoft.Extensions.Logging;

namespace Lianxin.Kiosks;

/// <summary>The checkpoint: how far the kiosk's journal has been applied durably, with the counts that go with it.</summary>
internal sealed partial class KioskIngestGrain
{
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
        var position = _appliedPosition;
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

        foreach (var (centerId, sent) in _sentToActivity.ToList())
        {
            var durable = await GrainFactory.GetGrain<ICenterActivityGrain>(centerId).ConfirmAsync(KioskId, sent);
            if (durable >= sent && _sentToActivity.GetValueOrDefault(centerId) == sent)
            {
                _sentToActivity.Remove(centerId);
            }
            else if (durable < sent)
            {
                position = Math.Min(position, durable);
            }
        }

        // The counts stored go with the position stored, so a replay after a crash counts the rest exactly once: the
        // newest page end at or below the position (a replay from a little earlier is harmless, the actors skip it).
        CountsAt? reached = null;
        while (_counts.TryPeek(out var next) && next.Position <= position)
        {
            reached = _counts.Dequeue();
        }

        if (reached is null)
        {
            return;
        }

        if (reached.Value.Position <= State.AppliedPosition)
        {
            return;
        }

        (State.AppliedPosition, State.Accepted, State.Rejected) = (reached.Value.Position, reached.Value.Accepted, reached.Value.Rejected);
        await state.WriteStateAsync();
    }

    /// <summary>The counts once the journal was applied through a position.</summary>
    private readonly record struct CountsAt(long Position, long Accepted, long Rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kiosk {KioskId} could not open a help request; its events are applied again")]
    private partial void LogOpenFailed(string kioskId, Exception exception);
}
