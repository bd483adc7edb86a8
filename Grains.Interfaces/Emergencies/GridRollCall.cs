namespace Lianxin.Emergencies;

/// <summary>The roll-call of one grid's people.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.GridRollCall")]
public sealed record GridRollCall(
    [property: Id(0)] string GridId,
    [property: Id(1)] StatusCounts Counts)
{
    public int Total => Counts.Total;

    public int Accounted => Counts.Accounted;

    public double AccountedPercent => RollCallMath.Percent(Counts.Accounted, Counts.Total);
}
