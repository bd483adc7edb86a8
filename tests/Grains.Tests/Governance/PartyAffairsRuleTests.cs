using Lianxin.Common;
using Lianxin.Governance;
using Xunit;

namespace Lianxin.Grains.Tests.Governance;

public sealed class PartyAffairsRuleTests
{
    private static readonly LoopAssignee Member = new("v-1", "党员甲", IsPartyMember: true, IsThirdParty: false);
    private static readonly LoopAssignee NonMember = new("v-2", "群众乙", IsPartyMember: false, IsThirdParty: false);
    private static readonly LoopAssignee ThirdPartyMember = new("staff:c:丙", "物业丙", IsPartyMember: true, IsThirdParty: true);
    private static readonly LoopAssignee ThirdPartyNonMember = new("staff:c:丁", "物业丁", IsPartyMember: false, IsThirdParty: true);

    [Fact]
    public void PartyBuildingWorkGoesToAPartyMember() =>
        Assert.Null(PartyAffairsRule.Refusal(BasicFunction.PartyBuilding, Member));

    [Fact]
    public void PartyBuildingWorkIsRefusedToANonMemberWithTheReason()
    {
        var refusal = PartyAffairsRule.Refusal(BasicFunction.PartyBuilding, NonMember);

        Assert.NotNull(refusal);
        Assert.Contains("群众乙 is not a party member", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PartyBuildingWorkIsRefusedToAThirdPartyAccountEvenOfAPartyMember(bool partyMember)
    {
        var refusal = PartyAffairsRule.Refusal(BasicFunction.PartyBuilding, partyMember ? ThirdPartyMember : ThirdPartyNonMember);

        Assert.NotNull(refusal);
        Assert.Contains("third-party account", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkOfEveryOtherFunctionGoesToAnyone()
    {
        foreach (var function in Enum.GetValues<BasicFunction>().Where(f => f != BasicFunction.PartyBuilding))
        {
            Assert.All([Member, NonMember, ThirdPartyMember, ThirdPartyNonMember], who => Assert.Null(PartyAffairsRule.Refusal(function, who)));
        }
    }
}
