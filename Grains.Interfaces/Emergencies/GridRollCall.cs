namespace Lianxin.Emergencies;

/// <summary>The roll-call of one grid's people.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.GridRollCall")]
public sealed record GridRollCall(
    [property: Id(0)] string GridId,
    [property: Id(1)] StatusCounts Counts)
{
    /// <summary>People on the grid's roll-call.</summary>
    public int Total => Counts.Total;

    /// <summary>People on the grid's roll-call who are accounted for.</summary>
    public int Accounted => Counts.Accounted;

    /// <summary>The share accounted for, in percent.</summary>
    public double AccountedPercent => RollCallMath.Percent(Counts.Accounted, Counts.Total);
}
