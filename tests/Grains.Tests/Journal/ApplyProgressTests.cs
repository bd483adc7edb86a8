using Lianxin.Kiosks;

namespace Lianxin.Grains.Tests.Journal;

public sealed class ApplyProgressTests
{
    [Fact]
    public void EachSendTellsTheCenterWhatWasSentToItBefore()
    {
        var progress = new ApplyProgress(0, 0, 0);

        Assert.Equal(0, progress.Send("c1", 10));
        Assert.Equal(0, progress.Send("c2", 12));
        Assert.Equal(10, progress.Send("c1", 15));
        Assert.Equal(new[] { ("c1", 15L), ("c2", 12L) }, progress.Unconfirmed.OrderBy(u => u.CenterId).ToArray());
    }

    [Fact]
    public void TheCheckpointGoesNoFurtherThanWhatACenterHoldsDurably()
    {
        var progress = new ApplyProgress(100, 7, 1);
        progress.Send("c1", 110);
        Count(progress, 110, accepted: 9, rejected: 1);
        progress.Send("c1", 120);
        Count(progress, 120, accepted: 10, rejected: 0);

        var limit = progress.Confirmed("c1", 120, durable: 110);
        var counts = progress.Checkpoint(Math.Min(progress.AppliedPosition, limit), recorded: 100);

        // The counts recorded are those at the position recorded, so a replay from there counts the rest once.
        Assert.Equal(new CountsAt(110, 16, 2), counts);
        Assert.Equal(new[] { ("c1", 120L) }, progress.Unconfirmed.ToArray());
    }

    [Fact]
    public void ACenterThatHoldsEverythingDurablyNoLongerLimitsTheCheckpoint()
    {
        var progress = new ApplyProgress(0, 0, 0);
        progress.Send("c1", 5);
        Count(progress, 5, accepted: 5, rejected: 0);

        Assert.Equal(long.MaxValue, progress.Confirmed("c1", 5, durable: 5));
        Assert.Empty(progress.Unconfirmed);
        Assert.Equal(new CountsAt(5, 5, 0), progress.Checkpoint(progress.AppliedPosition, recorded: 0));
        Assert.Null(progress.Checkpoint(progress.AppliedPosition, recorded: 5));
    }

    [Fact]
    public void ASendDuringAConfirmationStaysUnconfirmed()
    {
        var progress = new ApplyProgress(0, 0, 0);
        progress.Send("c1", 5);
        progress.Send("c1", 9); // sent while the checkpoint awaited the center's answer about 5

        progress.Confirmed("c1", 5, durable: 5);

        Assert.Equal(new[] { ("c1", 9L) }, progress.Unconfirmed.ToArray());
    }

    [Fact]
    public void NothingIsRecordedBeforeTheFirstPageEndAtOrBelowTheLimit()
    {
        var progress = new ApplyProgress(0, 0, 0);
        Count(progress, 50, accepted: 50, rejected: 0);

        Assert.Null(progress.Checkpoint(49, recorded: 0));
        Assert.Equal(new CountsAt(50, 50, 0), progress.Checkpoint(50, recorded: 0));
    }

    private static void Count(ApplyProgress progress, long pageEnd, int accepted, int rejected)
    {
        for (var i = 0; i < accepted; i++)
        {
            progress.Count(EventStatus.Accepted);
        }

        for (var i = 0; i < rejected; i++)
        {
            progress.Count(EventStatus.Rejected);
        }

        progress.PageApplied(pageEnd);
    }
}
