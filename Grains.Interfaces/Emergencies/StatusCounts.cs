namespace Lianxin.Emergencies;

/// <summary>How many people hold each roll-call status.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.StatusCounts")]
public sealed record StatusCounts(
    [property: Id(0)] int Unknown,
    [property: Id(1)] int Notified,
    [property: Id(2)] int Acknowledged,
    [property: Id(3)] int EnRoute,
    [property: Id(4)] int AtPost,
    [property: Id(5)] int Unavailable,
    [property: Id(6)] int NeedHelp)
{
    /// <summary>Counts of an empty roll-call.</summary>
    public static StatusCounts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Everyone counted.</summary>
    public int Total => Unknown + Notified + Acknowledged + EnRoute + AtPost + Unavailable + NeedHelp;

    /// <summary>People who answered, whatever the answer: their situation is known.</summary>
    public int Accounted => Acknowledged + EnRoute + AtPost + Unavailable + NeedHelp;

    /// <summary>Builds counts from a per-status array indexed by <see cref="RollCallStatus"/>.</summary>
    public static StatusCounts From(ReadOnlySpan<int> byStatus) =>
        new(byStatus[0], byStatus[1], byStatus[2], byStatus[3], byStatus[4], byStatus[5], byStatus[6]);

    /// <summary>The count of one status.</summary>
    public int Of(RollCallStatus status) => status switch
    {
        RollCallStatus.Unknown => Unknown,
        RollCallStatus.Notified => Notified,
        RollCallStatus.Acknowledged => Acknowledged,
        RollCallStatus.EnRoute => EnRoute,
        RollCallStatus.AtPost => AtPost,
        RollCallStatus.Unavailable => Unavailable,
        _ => NeedHelp,
    };
}
