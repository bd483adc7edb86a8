namespace Lianxin.Ledger;

/// <summary>
/// One line of a points ledger: positive when earned, negative when spent; it names the event it comes from
/// (hours id or redemption event id), the rule applied and who approved it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PointsEntry")]
public sealed record PointsEntry(
    [property: Id(0)] Guid SourceEventId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] int Points,
    [property: Id(3)] string Rule,
    [property: Id(4)] string? ApprovedBy,
    [property: Id(5)] string? Detail);
