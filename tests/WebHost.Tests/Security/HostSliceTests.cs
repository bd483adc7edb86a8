using Lianxin.WebHost.Limits;
using Spend = Lianxin.WebHost.Limits.HostSlice.Spend;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// A caller's permits on one host: the first few of a window without the rate-limit actor, then leased slices with
/// what was spent locally counted to the actor, so the actor's count is exact once the caller asks at all.
/// </summary>
public sealed class HostSliceTests
{
    private const long Window = 42;

    [Fact]
    public void TheFirstLocalPermitsOfAWindowNeedNoActor()
    {
        var slice = new HostSlice();

        Assert.Equal(new[] { Spend.Granted, Spend.Granted, Spend.Ask }, new[] { slice.TrySpend(Window, 2), slice.TrySpend(Window, 2), slice.TrySpend(Window, 2) });
    }

    [Fact]
    public void NoLocalPermitsMeansEveryFirstRequestAsks()
    {
        Assert.Equal(Spend.Ask, new HostSlice().TrySpend(Window, 0));
    }

    [Fact]
    public void WhatWasSpentLocallyIsOwedToTheActorOnceAndNothingMoreIsSpentWithoutIt()
    {
        var slice = new HostSlice();
        slice.TrySpend(Window, 2);
        slice.TrySpend(Window, 2);
        Assert.Equal(Spend.Ask, slice.TrySpend(Window, 2));

        Assert.Equal(2, slice.TakeOwed());
        Assert.Equal(Spend.Ask, slice.TrySpend(Window, 2));
        Assert.Equal(0, slice.TakeOwed());
    }

    [Fact]
    public void ALeaseCoversTheOwedPermitsFirstThenTheAskingRequestThenTheRest()
    {
        var slice = new HostSlice();
        slice.TrySpend(Window, 1);
        slice.TrySpend(Window, 1);
        var owed = slice.TakeOwed();

        Assert.True(slice.Granted(Window, granted: owed + 3, owed));
        Assert.Equal(new[] { Spend.Granted, Spend.Granted, Spend.Ask }, new[] { slice.TrySpend(Window, 1), slice.TrySpend(Window, 1), slice.TrySpend(Window, 1) });
    }

    [Fact]
    public void ALeaseThatOnlyCoversWhatWasSpentLocallyRefusesTheRestOfTheWindow()
    {
        var slice = new HostSlice();
        slice.TrySpend(Window, 1);
        slice.TrySpend(Window, 1);
        var owed = slice.TakeOwed();

        Assert.False(slice.Granted(Window, granted: owed, owed));
        Assert.Equal(Spend.Refused, slice.TrySpend(Window, 1));
    }

    [Fact]
    public void ANewWindowStartsAfreshWithItsOwnLocalPermits()
    {
        var slice = new HostSlice();
        slice.TrySpend(Window, 1);
        slice.TrySpend(Window, 1);
        slice.Granted(Window, granted: slice.TakeOwed(), owed: 1);
        Assert.Equal(Spend.Refused, slice.TrySpend(Window, 1));

        Assert.Equal(Spend.Granted, slice.TrySpend(Window + 1, 1));
    }

    [Fact]
    public void ASliceEndsByItsOwnWindowLength()
    {
        var hourly = new HostSlice();
        hourly.TrySpend(Window, 0, windowTicks: TimeSpan.TicksPerHour);

        Assert.False(hourly.EndedBefore(((Window + 1) * TimeSpan.TicksPerHour) - 1));
        Assert.True(hourly.EndedBefore((Window + 1) * TimeSpan.TicksPerHour));
    }

    [Fact]
    public void ALeaseAnsweredAfterTheWindowTurnedKeepsNothingForTheNewWindow()
    {
        var slice = new HostSlice();
        Assert.Equal(Spend.Ask, slice.TrySpend(Window, 0));
        var owed = slice.TakeOwed();
        Assert.Equal(Spend.Ask, slice.TrySpend(Window + 1, 0));

        Assert.True(slice.Granted(Window, granted: 10, owed));
        Assert.Equal(Spend.Ask, slice.TrySpend(Window + 1, 0));
    }
}
