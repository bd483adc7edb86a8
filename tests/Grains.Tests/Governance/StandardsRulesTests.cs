using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Governance;
using Xunit;
using static Lianxin.Grains.Tests.Governance.CenterProfiles;

namespace Lianxin.Grains.Tests.Governance;

public sealed class StandardsRulesTests
{
    [Theory]
    [InlineData(2, ComplianceOutcome.Fail)]
    [InlineData(3, ComplianceOutcome.Pass)]
    public void StreetCenterNeedsThreeOperationsStaff(int operations, ComplianceOutcome expected)
    {
        var profile = Of(CenterLevel.Street) with { Staff = [.. Enumerable.Range(0, operations).Select(i => Staff($"员{i}", StaffRole.OperationsStaff))] };

        var check = StaffingRule.Check(profile);

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(operations, check.Measured);
        Assert.Equal(3, check.Required);
    }

    [Fact]
    public void ThirdPartyOperatorsDoNotCountAsOperationsStaff()
    {
        var profile = Of(CenterLevel.Town) with
        {
            Staff = [Staff("甲", StaffRole.OperationsStaff), Staff("乙", StaffRole.OperationsStaff), Staff("外包", StaffRole.ThirdParty, partyMember: false)],
        };

        Assert.Equal(ComplianceOutcome.Fail, StaffingRule.Check(profile).Outcome);
    }

    [Fact]
    public void CommunityWithoutASecretaryFailsAndSaysSo()
    {
        var profile = Community(500, 1000) with { Staff = [Staff("委员", StaffRole.CommitteeMember), Staff("专职", StaffRole.DedicatedStaff)] };

        var check = StaffingRule.Check(profile);

        Assert.Equal(ComplianceOutcome.Fail, check.Outcome);
        Assert.Equal(2, check.Measured);
        Assert.Contains(check.Findings, f => f.Contains("secretary", StringComparison.Ordinal));
    }

    [Fact]
    public void VillageWithSecretaryCommitteeMemberAndDedicatedStaffPasses()
    {
        Assert.Equal(ComplianceOutcome.Pass, StaffingRule.Check(Village(300)).Outcome);
    }

    [Fact]
    public void RedSailStationHasNoStaffingStandard()
    {
        var profile = Of(CenterLevel.RedSailStation) with { Staff = [Staff("专职", StaffRole.DedicatedStaff)] };

        Assert.Equal(ComplianceOutcome.NotApplicable, StaffingRule.Check(profile).Outcome);
    }

    [Theory]
    [InlineData(2, ComplianceOutcome.Fail)]
    [InlineData(3, ComplianceOutcome.Pass)]
    public void EveryStaffMemberNeedsThreeDaysOfTraining(int days, ComplianceOutcome expected)
    {
        var profile = Of(CenterLevel.Street) with
        {
            Staff = [Staff("甲", StaffRole.OperationsStaff), Staff("乙", StaffRole.OperationsStaff, trainingDays: days), Staff("丙", StaffRole.OperationsStaff)],
        };

        var check = TrainingRule.Check(profile);

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(days >= 3 ? 3 : 2, check.Measured);
        Assert.Equal(3, check.Required);
        if (expected == ComplianceOutcome.Fail)
        {
            Assert.Equal(["乙: 2 days."], check.Findings);
        }
    }

    [Fact]
    public void CenterWithoutStaffFailsTraining()
    {
        Assert.Equal(ComplianceOutcome.Fail, TrainingRule.Check(Of(CenterLevel.Town) with { Staff = [] }).Outcome);
    }

    [Fact]
    public void NineFunctionsFailAndNameTheMissingOne()
    {
        var profile = Of(CenterLevel.Town) with { Functions = [.. AllFunctions.Where(f => f != BasicFunction.EmergencySupport)] };

        var check = BasicFunctionsRule.Check(profile);

        Assert.Equal(ComplianceOutcome.Fail, check.Outcome);
        Assert.Equal(9, check.Measured);
        Assert.Equal(["Missing: emergencySupport."], check.Findings);
    }

    [Fact]
    public void AllTenFunctionsPass()
    {
        Assert.Equal(ComplianceOutcome.Pass, BasicFunctionsRule.Check(Of(CenterLevel.Town)).Outcome);
    }

    [Fact]
    public void SectorSiteIsNotHeldToAllTenFunctions()
    {
        var check = BasicFunctionsRule.Check(Of(CenterLevel.SectorSite) with { Functions = [BasicFunction.PartyBuilding] });

        Assert.Equal(ComplianceOutcome.NotApplicable, check.Outcome);
        Assert.Equal(1, check.Measured);
    }

    [Theory]
    [InlineData(17, 59, ComplianceOutcome.Fail)]
    [InlineData(18, 0, ComplianceOutcome.Pass)]
    public void StaffedHoursMustExtendToSixInTheEvening(int hour, int minute, ComplianceOutcome expected)
    {
        var profile = Of(CenterLevel.Town) with { OpeningHours = new OpeningHours(new TimeOnly(9, 0), new TimeOnly(hour, minute)) };

        var check = OpeningHoursRule.Check(profile);

        Assert.Equal(expected, check.Outcome);
        Assert.Equal((hour * 60) + minute - (18 * 60), check.Measured);
        Assert.Equal("min past 18:00", check.Unit);
    }

    [Fact]
    public void OpeningHoursThatCloseBeforeTheyOpenFail()
    {
        var profile = Of(CenterLevel.Town) with { OpeningHours = new OpeningHours(default, default) };

        Assert.Equal(ComplianceOutcome.Fail, OpeningHoursRule.Check(profile).Outcome);
    }

    [Theory]
    [InlineData(true, 1, ComplianceOutcome.Pass)]
    [InlineData(true, 0, ComplianceOutcome.Fail)]
    [InlineData(false, 1, ComplianceOutcome.Fail)]
    [InlineData(false, 0, ComplianceOutcome.Fail)]
    public void SelfServiceNeedsTheDeclarationAndARegisteredKiosk(bool declared, int kiosks, ComplianceOutcome expected)
    {
        var check = SelfServiceRule.Check(Of(CenterLevel.Village) with { SelfService24h = declared }, kiosks);

        Assert.Equal(expected, check.Outcome);
        Assert.Equal(kiosks, check.Measured);
    }

    [Fact]
    public void EvaluationHoldsOneCheckOfEachKind()
    {
        var compliance = ComplianceRules.Evaluate("c1", Community(300, 1000), kioskCount: 1);

        Assert.Equal(Enum.GetValues<ComplianceCheckKind>(), compliance.Checks.Select(c => c.Kind));
        Assert.False(compliance.Failing);
    }
}
