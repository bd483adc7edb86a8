using Lianxin.Limits;
using Xunit;

namespace Lianxin.Grains.Tests.Limits;

public sealed class WindowPermitsTests
{
    [Fact]
    public void AWindowNeverGrantsMoreThanItsPermitsWhateverTheSlices()
    {
        var permits = new WindowPermits();

        var grants = new[] { permits.Grant(7, 10, 4), permits.Grant(7, 10, 4), permits.Grant(7, 10, 4), permits.Grant(7, 10, 4) };

        Assert.Equal([4, 4, 2, 0], grants);
    }

    [Fact]
    public void EachWindowHasItsOwnPermitsAndAForgottenOneGrantsNothing()
    {
        var permits = new WindowPermits();
        permits.Grant(7, 3, 3);

        var next = permits.Grant(8, 3, 3);
        var lateHost = permits.Grant(7, 3, 1);
        permits.Grant(7 + WindowPermits.WindowsKept, 3, 1);
        var forgotten = permits.Grant(7, 3, 1);

        Assert.Equal((3, 0, 0), (next, lateHost, forgotten));
    }
}
