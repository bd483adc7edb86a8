namespace Lianxin.Emergencies;

/// <summary>
/// Delivers batches of an emergency's messages: to every recipient's actor (in-app push), then to the outbound
/// gateways. Stateless: many activations share the fan-out of a large launch.
/// </summary>
[Alias("Lianxin.IAlertFanOutGrain")]
public interface IAlertFanOutGrain : IGrainWithIntegerKey
{
    /// <summary>Delivers one batch and reports what became of it.</summary>
    [Alias("Deliver")]
    Task<BatchOutcome> DeliverAsync(AlertBatch batch);
}
