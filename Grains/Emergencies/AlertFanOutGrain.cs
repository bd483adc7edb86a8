using Lianxin.Volunteers;
using Microsoft.Extensions.Logging;

namespace Lianxin.Emergencies;

/// <summary>
/// Delivers one batch: every recipient's actor in parallel, then the outbound gateways for those it reached.
/// Stateless and reentrant, so a silo spreads a large launch over its cores and many batches are in flight.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed partial class AlertFanOutGrain(IAlertGateway gateway, ILogger<AlertFanOutGrain> logger) : Grain, IAlertFanOutGrain
{
    public async Task<BatchOutcome> DeliverAsync(AlertBatch batch)
    {
        var receipts = await Task.WhenAll(batch.Recipients.Select(r => ReachAsync(batch.Alert with { Token = r.Token }, r.VolunteerId)));
        var reached = receipts.OfType<AlertReceipt>().ToList();
        EmergencyMetrics.Deliveries.Add(reached.Count, new KeyValuePair<string, object?>("outcome", "reached"));
        EmergencyMetrics.Deliveries.Add(receipts.Length - reached.Count, new KeyValuePair<string, object?>("outcome", "unreachable"));
        var attempts = batch.Outbound ? await gateway.SendAsync(batch, reached, CancellationToken.None) : [];
        return new BatchOutcome(reached, attempts);
    }

    private async Task<AlertReceipt?> ReachAsync(VolunteerAlert alert, string volunteerId)
    {
        try
        {
            return await GrainFactory.GetGrain<IVolunteerGrain>(volunteerId).ReceiveAlertAsync(alert);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogUnreachable(e, volunteerId, alert.EmergencyId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {VolunteerId} not reached for emergency {EmergencyId}")]
    private partial void LogUnreachable(Exception exception, string volunteerId, string emergencyId);
}
