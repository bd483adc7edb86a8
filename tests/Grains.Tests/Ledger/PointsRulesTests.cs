using Lianxin.Ledger;

namespace Lianxin.Grains.Tests.Ledger;

public sealed class PointsRulesTests
{
    private static readonly DateTimeOffset Nine = new(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(90, 10, 15)]
    [InlineData(59, 10, 9)]
    [InlineData(120, 7, 14)]
    public void ApprovedHoursEarnWholeMinutesAtTheRate(int minutes, int rate, int points) =>
        Assert.Equal(points, PointsRules.ForHours(new ServiceHours(Guid.NewGuid(), "c", Nine, Nine.AddMinutes(minutes), false), rate));

    [Fact]
    public void SpendingMoreThanTheBalanceIsRefused()
    {
        Assert.Null(PointsRules.CheckSpend(30, 30));
        Assert.Contains("30", PointsRules.CheckSpend(30, 31));
    }
}
