using Lianxin.Common.Journal;
using Lianxin.Kiosks;

namespace Lianxin.Grains.Tests.Journal;

public sealed class ReplayMarksTests
{
    private readonly Dictionary<string, long> _applied = [];
    private readonly Dictionary<Guid, string> _refusals = [];
    private readonly List<Guid> _order = [];

    private ReplayMarks Marks => new(_applied, _refusals, _order);

    [Fact]
    public void AReplayedEntryGetsTheAnswerItsFirstApplicationGotAndANewOneIsApplied()
    {
        var (accepted, refused, later) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Marks.Applied("k1", 10, EventOutcome.Accepted(accepted));
        Marks.Applied("k1", 12, EventOutcome.Rejected(refused, "already inside"));

        Assert.Equal(EventOutcome.Accepted(accepted), Marks.Replayed("k1", 10, accepted));
        Assert.Equal(EventOutcome.Rejected(refused, "already inside"), Marks.Replayed("k1", 12, refused));
        Assert.Null(Marks.Replayed("k1", 13, later));
        Assert.Null(Marks.Replayed("k2", 5, later));
    }

    [Fact]
    public void AMarkBelowWhatTheReaderSentMeansEntriesWereLostAndMustBeReadAgain()
    {
        Marks.Applied("k1", 40, EventOutcome.Accepted(Guid.NewGuid()));

        Assert.False(Marks.MustRecover("k1", 40));
        Assert.True(Marks.MustRecover("k1", 41));
        Assert.True(Marks.MustRecover("k2", 1));
        Assert.False(Marks.MustRecover("k2", 0));

        Marks.AppliedThroughAtLeast("k1", 55);
        Marks.AppliedThroughAtLeast("k1", 50);
        Assert.Equal(55, Marks.AppliedThrough("k1"));
    }

    [Fact]
    public void MarksNeverMoveBackAndOnlyTheMostRecentRefusalsAreKept()
    {
        var first = Guid.NewGuid();
        Marks.Applied("k1", 1, EventOutcome.Rejected(first, "first"));
        for (var i = 0; i < ReplayMarks.RefusalMemory; i++)
        {
            Marks.Applied("k1", 100 + i, EventOutcome.Rejected(Guid.NewGuid(), "later"));
        }

        Marks.Applied("k1", 2, EventOutcome.Accepted(Guid.NewGuid()));

        Assert.Equal(100 + ReplayMarks.RefusalMemory - 1, Marks.AppliedThrough("k1"));
        Assert.Equal(ReplayMarks.RefusalMemory, _refusals.Count);
        Assert.Equal(EventOutcome.Accepted(first), Marks.Replayed("k1", 1, first));
    }
}
