namespace Lianxin.Emergencies;

/// <summary>The live roll-call of an emergency: counts per status, per grid and per post.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.RollCallSummary")]
public sealed record RollCallSummary(
    [property: Id(0)] string EmergencyId,
    [property: Id(1)] EmergencyMode Mode,
    [property: Id(2)] EmergencyLevel Level,
    [property: Id(3)] EmergencyPhase Phase,
    [property: Id(4)] StatusCounts Counts,
    [property: Id(5)] int SelfUpdates,
    [property: Id(6)] int OnBehalfUpdates,
    [property: Id(7)] IReadOnlyList<GridRollCall> Grids,
    [property: Id(8)] IReadOnlyList<PostRollCall> Posts,
    [property: Id(9)] DateTimeOffset AsOf)
{
    /// <summary>People on the roll-call.</summary>
    public int Total => Counts.Total;

    /// <summary>People on the roll-call who are accounted for.</summary>
    public int Accounted => Counts.Accounted;

    /// <summary>The share accounted for, in percent.</summary>
    public double AccountedPercent => RollCallMath.Percent(Counts.Accounted, Counts.Total);
}
