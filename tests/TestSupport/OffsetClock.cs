namespace Lianxin.TestSupport;

/// <summary>
/// Real time moved by an offset: the centers' clock for tests that start at a chosen hour or let a limit pass, while
/// time keeps running as it does in production. A <c>FakeTimeProvider</c> stands still between the moments a test
/// sets, which suits a test that names every moment; here the rest of the product (kiosks' event times, traffic
/// reports, live cards) must see time pass.
/// </summary>
public sealed class OffsetClock(TimeSpan offset = default) : TimeProvider
{
    private long _offsetTicks = offset.Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
