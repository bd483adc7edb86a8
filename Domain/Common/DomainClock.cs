namespace Lianxin.Common;

/// <summary>
/// The registered <see cref="TimeProvider"/> under an older name, still asked for by some actors and endpoints (visit
/// deadlines, heartbeat ages, "today"). New code takes <see cref="TimeProvider"/> itself: there is one clock.
/// </summary>
public class DomainClock(TimeProvider time)
{
    public virtual DateTimeOffset UtcNow => time.GetUtcNow();
}
