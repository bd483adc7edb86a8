namespace Lianxin.EventFeed;

/// <summary>Every live push subscription (key 0): to list them by region and to wake them all when a silo starts.</summary>
[Alias("Lianxin.IEventSubscriptionDirectoryGrain")]
public interface IEventSubscriptionDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Add")]
    Task AddAsync(SubscriptionEntry entry);

    [Alias("Remove")]
    Task RemoveAsync(string id);

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<SubscriptionEntry>> ListAsync();
}
