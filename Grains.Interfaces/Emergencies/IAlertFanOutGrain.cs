namespace Lianxin.Emergencies;

/// <summary>
/// Sends batches of an emergency's messages to the outbound gateways of their channel (in-app delivery needs no
/// call: the emergency keeps each person's messages). Stateless: many activations share a large launch.
/// </summary>
[Alias("Lianxin.IAlertFanOutGrain")]
public interface IAlertFanOutGrain : IGrainWithIntegerKey
{
    /// <summary>Delivers one batch and reports what became of it.</summary>
    [Alias("Deliver")]
    Task<BatchOutcome> DeliverAsync(AlertBatch batch);
}
