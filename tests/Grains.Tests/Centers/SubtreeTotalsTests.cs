using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.Grains.Tests.Centers;

public sealed class SubtreeTotalsTests
{
    [Fact]
    public void SubtreeAddsTheCenterItselfToItsChildrenTotals()
    {
        var own = CenterLive.Empty with { PeopleInside = 3, CheckInsTodayByFunction = new Dictionary<BasicFunction, int> { [BasicFunction.PartyBuilding] = 2 } };
        var child = new SubtreeSummary(
            new Dictionary<CenterLevel, int> { [CenterLevel.Community] = 2 }, 5, 1, 1, 2,
            new Dictionary<BasicFunction, int> { [BasicFunction.PartyBuilding] = 1, [BasicFunction.VolunteerService] = 4 });

        var total = SubtreeTotals.Compute(CenterLevel.Street, own, [child, child]);

        Assert.Equal(5, total.Centers);
        Assert.Equal(4, total.CentersByLevel[CenterLevel.Community]);
        Assert.Equal(13, total.PeopleInside);
        Assert.Equal(4, total.KiosksOnline);
        Assert.Equal(4, total.CheckInsTodayByFunction[BasicFunction.PartyBuilding]);
        Assert.Equal(8, total.CheckInsTodayByFunction[BasicFunction.VolunteerService]);
    }
}
