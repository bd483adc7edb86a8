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
}
