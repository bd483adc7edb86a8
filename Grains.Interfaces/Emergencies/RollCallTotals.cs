namespace Lianxin.Emergencies;

/// <summary>The headline of a roll-call, as pushed to dashboards on every change.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.RollCallTotals")]
public sealed record RollCallTotals(
    [property: Id(0)] string EmergencyId,
    [property: Id(1)] EmergencyMode Mode,
    [property: Id(2)] EmergencyLevel Level,
    [property: Id(3)] EmergencyPhase Phase,
    [property: Id(4)] StatusCounts Counts,
    [property: Id(5)] int SelfUpdates,
    [property: Id(6)] int OnBehalfUpdates,
    [property: Id(7)] DateTimeOffset AsOf) : Live.ILiveItem
{
    /// <summary>The share accounted for, in percent.</summary>
    public double AccountedPercent => RollCallMath.Percent(Counts.Accounted, Counts.Total);
}
