using Lianxin.Common;
using Lianxin.Ledger;
using Microsoft.Extensions.Logging;

namespace Lianxin.Activity;

/// <summary>The outbox: hours from closed visits on their way to the volunteers' ledgers.</summary>
internal sealed partial class CenterActivityGrain
{
    // Small: every delivery is a durable write, and 55 busy centers must not take every database connection at once.
    private const int DispatchBatch = 8;

    private Task? _dispatching;

    /// <summary>
    /// Sends outbox items (hours) to the ledgers they concern, without waiting for the snapshot that holds them: a replay
    /// after a crash derives the same items again, and the ledger records each visit's hours once. Runs interleaved with kiosk calls (it
    /// waits on other actors); it only touches the outbox between its awaits.
    /// </summary>
    private Task DispatchOutboxAsync()
    {
        // Detached from the timer tick: deliveries wait on other actors' writes and must not hold up kiosk calls.
        if (_dispatching is not { IsCompleted: false })
        {
            _dispatching = DispatchRoundsAsync();
        }

        return Task.CompletedTask;
    }

    private async Task DispatchRoundsAsync()
    {
        for (var round = 0; round < 10 && await DispatchSomeAsync(); round++)
        {
        }
    }

    /// <summary>Delivers up to <see cref="DispatchBatch"/> items at once; false when there was nothing to deliver or a delivery failed.</summary>
    private async Task<bool> DispatchSomeAsync()
    {
        var due = State.Outbox.Take(DispatchBatch).ToList();
        var delivered = await Task.WhenAll(due.Select(async item =>
        {
            try
            {
                await DeliverAsync(item.Value);
                return true;
            }
            catch (Exception e)
            {
                LogDeliveryFailed(Id, item.Key, e);
                return false;
            }
        }));
        for (var i = 0; i < due.Count; i++)
        {
            if (delivered[i] && State.Outbox.TryGetValue(due[i].Key, out var current) && current.Version == due[i].Value.Version)
            {
                State.Outbox.Remove(due[i].Key);
                Changed();
            }
        }

        return due.Count > 0 && delivered.All(d => d);
    }

    /// <summary>Hours to the person's ledger. Items of older versions that carried duty are dropped: duty is told from presence now.</summary>
    private async Task DeliverAsync(OutboxItem item)
    {
        if (item.Hours is not { } hours)
        {
            return;
        }

        var ledger = GrainFactory.GetGrain<IPersonLedgerGrain>(item.PersonId);
        var result = item.Keep ? await ledger.KeepHoursAsync(hours) : await ledger.RecordHoursAsync(hours);
        if (result.Outcome == RegistryOutcome.Conflict)
        {
            StopAwaiting(hours.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center {CenterId} could not deliver {Item}; it is retried")]
    private partial void LogDeliveryFailed(string centerId, string item, Exception exception);
}
