namespace Lianxin.EventFeed;

/// <summary>The persisted state of a push subscription. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.EventSubscriptionState")]
public sealed class EventSubscriptionState
{
    [Id(0)] public EventSubscriptionDefinition? Definition { get; set; }

    /// <summary>The signing secret: given to the creator once, never shown again.</summary>
    [Id(1)] public string Secret { get; set; } = "";

    [Id(2)] public SubscriptionPhase Phase { get; set; } = SubscriptionPhase.Active;

    /// <summary>Every event up to here was answered 2xx (or is not the region's).</summary>
    [Id(3)] public long Cursor { get; set; }

    [Id(4)] public long Delivered { get; set; }

    /// <summary>Failed deliveries of the event after the cursor.</summary>
    [Id(5)] public int FailedAttempts { get; set; }

    [Id(6)] public string? LastError { get; set; }

    [Id(7)] public DateTimeOffset? FirstFailedAt { get; set; }

    [Id(8)] public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The most recent dead letters, newest last.</summary>
    [Id(9)] public List<DeadLetter> DeadLetters { get; set; } = [];
}
