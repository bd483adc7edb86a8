namespace Lianxin.Emergencies;

/// <summary>The roll-call counts at one moment, for charts over time.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.SeriesPoint")]
public sealed record SeriesPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double SecondsSinceLaunch,
    [property: Id(2)] StatusCounts Counts);
