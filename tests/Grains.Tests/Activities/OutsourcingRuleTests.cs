using Lianxin.Common;
using Lianxin.Providers;

namespace Lianxin.Grains.Tests.Activities;

public sealed class OutsourcingRuleTests
{
    private static readonly DateOnly Day = new(2026, 6, 1);
    private static readonly string[] Path = ["c1", "street", "district"];

    private static ProviderView Provider(bool suspended = false, int validDays = 30, string region = "district") => new(
        new ProviderProfile("p1", "社工机构", "L-1", [BasicFunction.CultureSportsLeisure], Day.AddDays(-10), Day.AddDays(validDays), 4, region, suspended),
        "operator:x", DateTimeOffset.UnixEpoch, []);

    [Fact]
    public void PartyBuildingIsNeverOutsourcedWhateverTheProvider() =>
        Assert.Contains("党务工作不外包", OutsourcingRule.Refusal(BasicFunction.PartyBuilding, "p1", Provider(), Path, Day, Day));

    [Fact]
    public void AListedValidQualifiedProviderOfARegionAboveMayRunIt() =>
        Assert.Null(OutsourcingRule.Refusal(BasicFunction.CultureSportsLeisure, "p1", Provider(), Path, Day, Day.AddDays(1)));

    [Fact]
    public void UnlistedSuspendedForeignUnqualifiedOrExpiredProvidersMayNot()
    {
        Assert.Contains("not on the list", OutsourcingRule.Refusal(BasicFunction.CultureSportsLeisure, "p1", null, Path, Day, Day));
        Assert.Contains("suspended", OutsourcingRule.Refusal(BasicFunction.CultureSportsLeisure, "p1", Provider(suspended: true), Path, Day, Day));
        Assert.Contains("does not cover", OutsourcingRule.Refusal(BasicFunction.CultureSportsLeisure, "p1", Provider(region: "other"), Path, Day, Day));
        Assert.Contains("not qualified", OutsourcingRule.Refusal(BasicFunction.CareAssistance, "p1", Provider(), Path, Day, Day));
        Assert.Contains("licence", OutsourcingRule.Refusal(BasicFunction.CultureSportsLeisure, "p1", Provider(validDays: 0), Path, Day, Day.AddDays(1)));
    }

    [Fact]
    public void ACenterIsWarnedThirtyDaysAheadOfAnEngagedProvidersLicenceRunningOut()
    {
        var engaged = Provider(validDays: 30) with { CenterIds = ["c1"] };
        var later = Provider(validDays: 31) with { CenterIds = ["c1"], Profile = Provider().Profile with { Id = "p2", ValidUntil = Day.AddDays(31) } };
        var other = Provider(validDays: 5) with { CenterIds = ["c2"] };

        var warnings = LicenceWarnings.For("c1", [engaged, later, other], Day);

        Assert.Equal("p1", Assert.Single(warnings).ProviderId);
        Assert.Equal(30, warnings[0].DaysLeft);
    }
}
