namespace Lianxin.Emergencies;

/// <summary>One grid's lines of the after-action report.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.GridReport")]
public sealed record GridReport(
    [property: Id(0)] string GridId,
    [property: Id(1)] StatusCounts Counts,
    [property: Id(2)] AccountedTimes Times);
