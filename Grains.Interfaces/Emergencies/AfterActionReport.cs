namespace Lianxin.Emergencies;

/// <summary>
/// What happened in an emergency: the timeline, the counts, how fast people were accounted for overall and per
/// grid, how the posts were filled, and the counts over time. A drill's report says so in <see cref="Mode"/>.
/// <see cref="SelfAnsweredTimes"/> counts only the answers people gave themselves (none recorded on their behalf).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AfterActionReport")]
public sealed record AfterActionReport(
    [property: Id(0)] string EmergencyId,
    [property: Id(1)] string Name,
    [property: Id(2)] EmergencyMode Mode,
    [property: Id(3)] EmergencyLevel Level,
    [property: Id(4)] EmergencyPhase Phase,
    [property: Id(5)] DateTimeOffset LaunchedAt,
    [property: Id(6)] DateTimeOffset? ClosedAt,
    [property: Id(7)] StatusCounts Counts,
    [property: Id(8)] int SelfUpdates,
    [property: Id(9)] int OnBehalfUpdates,
    [property: Id(10)] AccountedTimes Times,
    [property: Id(11)] IReadOnlyList<GridReport> Grids,
    [property: Id(12)] IReadOnlyList<PostRollCall> Posts,
    [property: Id(13)] IReadOnlyList<TimelineEvent> Timeline,
    [property: Id(14)] IReadOnlyList<SeriesPoint> Series,
    [property: Id(15)] AccountedTimes? SelfAnsweredTimes = null);
