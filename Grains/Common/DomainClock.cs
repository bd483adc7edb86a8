namespace Lianxin.Common;

/// <summary>
/// The clock the domain rules read (visit deadlines, heartbeat ages, "today"). It is its own service rather than
/// the runtime's <see cref="TimeProvider"/>, which Orleans itself uses: tests move this clock without moving the
/// cluster's.
/// </summary>
public class DomainClock(TimeProvider time)
{
    public virtual DateTimeOffset UtcNow => time.GetUtcNow();
}
