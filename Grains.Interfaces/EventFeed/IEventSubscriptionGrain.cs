namespace Lianxin.EventFeed;

/// <summary>
/// One push subscription, keyed by its id, and the one actor that delivers to it: the region's events in cursor order,
/// each retried with backoff until the receiver answers 2xx or the retry budget is used up (then the subscription is
/// suspended with the event in its dead letters, so nothing after it overtakes it).
/// </summary>
[Alias("Lianxin.IEventSubscriptionGrain")]
public interface IEventSubscriptionGrain : IGrainWithStringKey
{
    /// <summary>Creates it with the secret it signs with; false when the id is taken.</summary>
    [Alias("Create")]
    Task<bool> CreateAsync(EventSubscriptionDefinition definition, string secret);

    /// <summary>The subscription, or null when it never existed or was deleted.</summary>
    [Alias("Get"), ReadOnly]
    Task<SubscriptionView?> GetAsync();

    /// <summary>Stops delivery for good; false when there was nothing to delete.</summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync();

    /// <summary>A suspended subscription delivers again, starting with its dead-lettered event; false when it was not suspended.</summary>
    [Alias("Resume")]
    Task<bool> ResumeAsync();

    /// <summary>Activates it (delivery runs while it is active); called for every subscription when a silo starts.</summary>
    [Alias("Wake")]
    Task WakeAsync();
}
