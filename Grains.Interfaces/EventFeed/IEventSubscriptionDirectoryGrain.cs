namespace Lianxin.EventFeed;

/// <summary>Every live push subscription (key 0): to list them by region and to wake them all when a silo starts.</summary>
[Alias("Lianxin.IEventSubscriptionDirectoryGrain")]
public interface IEventSubscriptionDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a subscription, or replaces the entry of one with the same id.</summary>
    [Alias("Add")]
    Task AddAsync(SubscriptionEntry entry);

    /// <summary>Removes a subscription; nothing happens when there is none with that id.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string id);

    /// <summary>Every subscription listed.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<SubscriptionEntry>> ListAsync();
}
