using Lianxin.Common;
using Lianxin.Common.Journal;
using Lianxin.Kiosks;

namespace Lianxin.Grains.Tests.Kiosks;

/// <summary>What the journal keeps of a kiosk event is what a replay gives back, for every event type.</summary>
public sealed class KioskEventCodecTests
{
    public static TheoryData<KioskEventBody> Bodies() =>
    [
        new CheckIn("p-1", PersonRole.Visitor, BasicFunction.PartyBuilding),
        new CheckOut("p-1"),
        new SelfService("社保查询", BasicFunction.PartyBuilding, null),
        new SelfService("社保查询", BasicFunction.PartyBuilding, "p-2"),
        new PointsRedemption("p-1", 30, "洗衣液 \"大包\""),
        new HelpRequest(null, BasicFunction.PartyBuilding, "独居老人需要上门看望"),
        new AfterHoursEntry("p-3", null),
        new FaultReport("printer", "paperOut", "打印机缺纸"),
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public void AnEventReadBackFromTheJournalIsTheEventThatWasJournaled(KioskEventBody body)
    {
        var sent = new KioskEvent(Guid.NewGuid(), new DateTimeOffset(2026, 12, 5, 8, 30, 0, TimeSpan.Zero), body);

        var entry = KioskEventCodec.Encode("k-1", "c-\"7\"", sent);
        var read = KioskEventCodec.Decode("k-1", new JournalRecord(12, entry));

        Assert.Equal("kiosk:k-1", entry.Stream);
        Assert.Equal(new JournaledKioskEvent(12, "k-1", "c-\"7\"", sent), read);
    }
}
