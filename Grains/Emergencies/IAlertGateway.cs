namespace Lianxin.Emergencies;

/// <summary>The outbound channels (SMS, instant-messaging and voice gateways) for batches of an emergency's messages.</summary>
public interface IAlertGateway
{
    /// <summary>
    /// Sends a batch over its channel's gateways in order until one accepts it; every attempt (retries included) is
    /// reported, failed or not.
    /// </summary>
    Task<BatchOutcome> SendAsync(AlertBatch batch, CancellationToken cancellationToken);
}
