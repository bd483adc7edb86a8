namespace Lianxin.Emergencies;

/// <summary>The roll-call milestones the governance platform follows: 50, 90 and 100 % of the people accounted for. Pure.</summary>
public static class RollCallMilestones
{
    public static readonly IReadOnlyList<int> Percents = [50, 90, 100];

    /// <summary>The milestones reached with <paramref name="accounted"/> of <paramref name="total"/> people, lowest first.</summary>
    public static IReadOnlyList<int> Reached(int accounted, int total) =>
        total <= 0 ? [] : [.. Percents.Where(p => (long)accounted * 100 >= (long)p * total)];
}
