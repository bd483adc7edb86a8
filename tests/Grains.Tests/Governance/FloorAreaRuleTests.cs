using Lianxin.Centers;
using Lianxin.Governance;
using Xunit;

namespace Lianxin.Grains.Tests.Governance;

public sealed class FloorAreaRuleTests
{
    [Theory]
    [InlineData(299, ComplianceOutcome.Fail)]
    [InlineData(299.99, ComplianceOutcome.Fail)]
    [InlineData(300, ComplianceOutcome.Pass)]
    public void CommunityOfOneThousandHouseholdsNeedsThreeHundredSquareMetres(double area, ComplianceOutcome expected)
    {
        var check = FloorAreaRule.Check(CenterProfiles.Community(area, 1000));

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(area, check.Measured);
        Assert.Equal(300, check.Required);
        Assert.Equal("m²", check.Unit);
    }

    [Fact]
    public void CommunityStandardScalesWithHouseholdsWithoutRoundingAway()
    {
        var shortOf = FloorAreaRule.Check(CenterProfiles.Community(319.7, 1066));
        var exact = FloorAreaRule.Check(CenterProfiles.Community(319.8, 1066));

        Assert.Equal(ComplianceOutcome.Fail, shortOf.Outcome);
        Assert.Equal(ComplianceOutcome.Pass, exact.Outcome);
        Assert.Equal(319.8, exact.Required);
    }

    [Fact]
    public void CommunityBelowTheFortySquareMetreTargetPassesWithTheTargetNamed()
    {
        var check = FloorAreaRule.Check(CenterProfiles.Community(350, 1000));

        Assert.Equal(ComplianceOutcome.Pass, check.Outcome);
        Assert.Contains(check.Findings, f => f.Contains("Below the target", StringComparison.Ordinal) && f.Contains("400 m²", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CenterLevel.Town, 499, ComplianceOutcome.Fail)]
    [InlineData(CenterLevel.Town, 500, ComplianceOutcome.Pass)]
    [InlineData(CenterLevel.Street, 999, ComplianceOutcome.Fail)]
    [InlineData(CenterLevel.Street, 1000, ComplianceOutcome.Pass)]
    [InlineData(CenterLevel.Village, 199, ComplianceOutcome.Fail)]
    [InlineData(CenterLevel.Village, 200, ComplianceOutcome.Pass)]
    public void EachLevelIsCheckedAgainstItsOwnMinimum(CenterLevel level, double area, ComplianceOutcome expected)
    {
        var check = FloorAreaRule.Check(CenterProfiles.Base(level, area));

        Assert.Equal(expected, check.Outcome);
    }

    [Fact]
    public void ExemptIslandVillagePassesWithItsReasonShown()
    {
        const string reason = "村域位于外海离岛，阵地面积根据实际确定。";
        var profile = CenterProfiles.Village(140) with { AreaExemption = new AreaExemption(AreaExemptionKind.Island, reason) };

        var check = FloorAreaRule.Check(profile);

        Assert.Equal(ComplianceOutcome.Exempt, check.Outcome);
        Assert.True(check.Meets);
        Assert.Equal(reason, check.ExemptionReason);
        Assert.Equal(140, check.Measured);
        Assert.Equal(200, check.Required);
        Assert.Contains("island", check.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void OldCommunityExemptionDoesNotCoverATown()
    {
        var profile = CenterProfiles.Of(CenterLevel.Town, 380) with { AreaExemption = new AreaExemption(AreaExemptionKind.OldCommunity, "老城区") };

        var check = FloorAreaRule.Check(profile);

        Assert.Equal(ComplianceOutcome.Fail, check.Outcome);
        Assert.Contains(check.Findings, f => f.Contains("community centers only", StringComparison.Ordinal));
    }

    [Fact]
    public void CommunityWithoutRecordedHouseholdsCannotPass()
    {
        var profile = CenterProfiles.Community(5000, 1000) with { Households = null };

        Assert.Equal(ComplianceOutcome.Fail, FloorAreaRule.Check(profile).Outcome);
    }

    [Theory]
    [InlineData(CenterLevel.District)]
    [InlineData(CenterLevel.ManagementCommittee)]
    [InlineData(CenterLevel.SectorSite)]
    [InlineData(CenterLevel.RedSailStation)]
    public void LevelsWithoutAnAreaStandardAreNotApplicable(CenterLevel level)
    {
        var check = FloorAreaRule.Check(CenterProfiles.Base(level, 40));

        Assert.Equal(ComplianceOutcome.NotApplicable, check.Outcome);
        Assert.Null(check.Required);
    }
}
