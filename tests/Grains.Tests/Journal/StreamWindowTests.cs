using Lianxin.Hosting.Database;

namespace Lianxin.Grains.Tests.Journal;

public sealed class StreamWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IdsOfAPageAreHeldUntilItsLatestEventLeavesTheWindow()
    {
        var window = new StreamWindow(TimeSpan.FromDays(31));
        var (early, late) = (Guid.NewGuid(), Guid.NewGuid());
        window.Add(1, Now.AddDays(-10), [early], Now);
        window.Add(2, Now, [late], Now);

        window.Add(3, Now.AddDays(21), [Guid.NewGuid()], Now.AddDays(21).AddMinutes(1));

        Assert.False(window.Holds(early), "its page's latest event is now 31 days and a minute old");
        Assert.True(window.Holds(late));
        Assert.Equal(3, window.LastPage);
    }

    [Fact]
    public void APageThatDoesNotFollowTheLastIsRefused()
    {
        var window = new StreamWindow(TimeSpan.FromDays(31));
        window.Add(2, Now, [Guid.NewGuid()], Now);

        Assert.Throws<InvalidOperationException>(() => window.Add(2, Now, [Guid.NewGuid()], Now));
    }

    [Fact]
    public void TheLastPageReadFromTheDatabaseCountsEvenWhenItsIdsAreOld()
    {
        var window = new StreamWindow(TimeSpan.FromDays(31));
        window.Add(4, Now, [Guid.NewGuid()], Now);

        window.Follow(9);

        Assert.Equal(9, window.LastPage);
    }

    [Fact]
    public void EveryEventWithinTheWindowIsRememberedAndOlderOnesAreNot()
    {
        var window = new StreamWindow(TimeSpan.FromDays(1));

        Assert.True(window.Remembers(Now.AddHours(-23), Now));
        Assert.False(window.Remembers(Now.AddHours(-25), Now));
    }

    [Fact]
    public void AStreamBusierThanOnePartitionHoldsEveryIdAndForgetsPageByPage()
    {
        var window = new StreamWindow(TimeSpan.FromHours(1));
        var pages = Enumerable.Range(0, 10).Select(_ => Enumerable.Range(0, 1_000).Select(_ => Guid.NewGuid()).ToArray()).ToList();
        for (var p = 0; p < pages.Count; p++)
        {
            window.Add(p + 1, Now.AddMinutes(p), pages[p], Now.AddMinutes(p));
        }

        Assert.Equal(10_000, window.Count);
        Assert.All(pages.SelectMany(ids => ids), id => Assert.True(window.Holds(id)));

        // An hour after the fifth page's latest event: pages 1-5 are out of the window, 6-10 are in.
        window.Add(11, Now.AddMinutes(64).AddSeconds(1), [Guid.NewGuid()], Now.AddMinutes(64).AddSeconds(1));

        Assert.Equal(5_001, window.Count);
        Assert.DoesNotContain(pages.Take(5).SelectMany(ids => ids), window.Holds);
        Assert.All(pages.Skip(5).SelectMany(ids => ids), id => Assert.True(window.Holds(id)));
    }
}
