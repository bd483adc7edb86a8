namespace Lianxin.EventFeed;

/// <summary>The persisted list of live subscriptions.</summary>
[GenerateSerializer, Alias("Lianxin.EventSubscriptionDirectoryState")]
public sealed class EventSubscriptionDirectoryState
{
    [Id(0)] public Dictionary<string, SubscriptionEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}
