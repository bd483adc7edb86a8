namespace Lianxin.Ledger;

/// <summary>How points are earned and spent: pure rules, unit-tested.</summary>
public static class PointsRules
{
    /// <summary>The rule text an earning entry names.</summary>
    public static string HoursRule(int pointsPerHour) => $"volunteerHours:{pointsPerHour}/h";

    public const string RedemptionRule = "redemption";

    /// <summary>Points for approved hours: whole minutes times the rate, rounded down to whole points.</summary>
    public static int ForHours(ServiceHours hours, int pointsPerHour) =>
        (int)Math.Floor(Math.Floor((hours.To - hours.From).TotalMinutes) * pointsPerHour / 60);

    /// <summary>The balance: all entries summed.</summary>
    public static int Balance(IEnumerable<PointsEntry> entries) => entries.Sum(e => e.Points);

    /// <summary>Null when spending is allowed; otherwise why not. The balance never goes negative.</summary>
    public static string? CheckSpend(int balance, int points) =>
        points <= balance ? null : $"The balance is {balance} points; {points} cannot be spent.";
}
