namespace Lianxin.Emergencies;

/// <summary>An outbound channel (SMS / instant-messaging gateways) for batches of an emergency's messages.</summary>
public interface IAlertGateway
{
    /// <summary>Sends a batch to the people whose receipts are given; every attempt is reported, failed or not.</summary>
    Task<IReadOnlyList<DeliveryAttempt>> SendAsync(AlertBatch batch, IReadOnlyList<AlertReceipt> receipts, CancellationToken cancellationToken);
}
