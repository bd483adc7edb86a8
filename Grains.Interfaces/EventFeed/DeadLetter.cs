namespace Lianxin.EventFeed;

/// <summary>An event that used up its retry budget at one subscriber: what it was, how often it was tried, the last failure.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.DeadLetter")]
public sealed record DeadLetter(
    [property: Id(0)] long Position,
    [property: Id(1)] string EventId,
    [property: Id(2)] string Type,
    [property: Id(3)] string Source,
    [property: Id(4)] int Attempts,
    [property: Id(5)] string LastError,
    [property: Id(6)] DateTimeOffset FirstFailedAt,
    [property: Id(7)] DateTimeOffset DeadAt,
    [property: Id(8)] DateTimeOffset? ResumedAt = null);
