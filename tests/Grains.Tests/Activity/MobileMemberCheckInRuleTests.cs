using Lianxin.Activity;
using Lianxin.Common;
using Lianxin.Grids;
using Lianxin.Kiosks;
using Lianxin.Volunteers;

namespace Lianxin.Grains.Tests.Activity;

public sealed class MobileMemberCheckInRuleTests
{
    private static readonly VolunteerProfile NonMember = new("赵群众", "13900000000", false, false, false, "g1", GridRole.Member, [], null);
    private static readonly VolunteerProfile Member = NonMember with { IsPartyMember = true, IsMobilePartyMember = true };

    [Fact]
    public void ARegisteredNonMemberIsRefusedWithTheReason()
    {
        var refusal = MobileMemberCheckInRule.Refusal(new CheckIn("p1", PersonRole.MobilePartyMember, BasicFunction.PartyBuilding), NonMember);

        Assert.NotNull(refusal);
        Assert.Contains("not a party member", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void MembersPeopleFromElsewhereAndOtherRolesAreAllowed()
    {
        Assert.Null(MobileMemberCheckInRule.Refusal(new CheckIn("p1", PersonRole.MobilePartyMember, BasicFunction.PartyBuilding), Member));
        Assert.Null(MobileMemberCheckInRule.Refusal(new CheckIn("p2", PersonRole.MobilePartyMember, BasicFunction.PartyBuilding), null));
        Assert.Null(MobileMemberCheckInRule.Refusal(new CheckIn("p3", PersonRole.Visitor, BasicFunction.PartyBuilding), NonMember));
    }
}
