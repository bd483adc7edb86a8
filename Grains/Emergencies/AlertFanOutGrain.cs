using Microsoft.Extensions.Logging;

namespace Lianxin.Emergencies;

/// <summary>
/// Sends one batch to its channel's outbound gateways. Stateless and reentrant, so a silo spreads a large launch's
/// gateway requests over its cores and many batches are in flight while the emergency keeps answering.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed partial class AlertFanOutGrain(IAlertGateway gateway, ILogger<AlertFanOutGrain> logger) : Grain, IAlertFanOutGrain
{
    public async Task<BatchOutcome> DeliverAsync(AlertBatch batch)
    {
        BatchOutcome outcome;
        try
        {
            outcome = await gateway.SendAsync(batch, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Refused as a whole: the emergency tries these people again later.
            LogFailed(e, batch.Alert.EmergencyId, batch.Alert.Number, batch.Channel);
            outcome = new BatchOutcome(false, []);
        }

        EmergencyMetrics.Deliveries.Add(batch.Recipients.Count, new("channel", batch.Channel.ToString()), new("outcome", outcome.Accepted ? "sent" : "failed"));
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of message {Number} of emergency {EmergencyId} on {Channel} could not be sent")]
    private partial void LogFailed(Exception exception, string emergencyId, int number, AlertChannel channel);
}
