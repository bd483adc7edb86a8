namespace Lianxin.Audit;

/// <summary>Which audit entries to return: a time window, an actor, a subject (prefix), a region (a center and its subtree), newest first.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] DateTimeOffset? From,
    [property: Id(1)] DateTimeOffset? To,
    [property: Id(2)] string? Actor,
    [property: Id(3)] string? SubjectPrefix,
    [property: Id(4)] int Limit,
    [property: Id(5)] string? WithinCenter);
