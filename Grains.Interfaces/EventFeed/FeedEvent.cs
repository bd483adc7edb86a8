namespace Lianxin.EventFeed;

/// <summary>
/// A domain event worth governing, as the outbound feed keeps it (one CloudEvents 1.0 event). <see cref="Id"/> is
/// derived from what happened (a help request's third stage, an emergency's launch), so publishing the same fact again
/// after a crash or a retry stores nothing new and a receiver de-duplicates on it.
/// </summary>
/// <param name="Id">Unique per fact: the CloudEvents <c>id</c>.</param>
/// <param name="Type">The CloudEvents <c>type</c>, e.g. <c>cn.lianxin.helprequest.stage</c>.</param>
/// <param name="Source">The CloudEvents <c>source</c>: the thing whose events keep their order (<c>/help-requests/hr-1</c>).</param>
/// <param name="Subject">The CloudEvents <c>subject</c>: what the event is about within its source, when anything.</param>
/// <param name="Time">When it happened.</param>
/// <param name="CenterId">The center it belongs to: it decides which regions see it.</param>
/// <param name="Data">The event's data as a JSON object.</param>
[GenerateSerializer, Immutable, Alias("Lianxin.FeedEvent")]
public sealed record FeedEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string Source,
    [property: Id(3)] string? Subject,
    [property: Id(4)] DateTimeOffset Time,
    [property: Id(5)] string CenterId,
    [property: Id(6)] string Data);
