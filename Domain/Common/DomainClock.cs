namespace Lianxin.Common;

/// <summary>
/// The centers' clock: what the product's rules read as "now" (visit deadlines, heartbeat ages, "today", shift and
/// help-request limits). It reads the registered <see cref="TimeProvider"/>; it is a type of its own because Orleans'
/// runtime takes <see cref="TimeProvider"/> from the same container (membership, reminders, the activation collector),
/// and tests that set the centers' time (a shift's eve, a limit three hours on, a mid-morning cluster) must not move the
/// runtime's: a three-silo cluster given a clock shifted to mid-morning could not start (its connectivity probes were
/// canceled as expired). In production both read the system clock.
/// </summary>
public class DomainClock(TimeProvider time)
{
    public virtual DateTimeOffset UtcNow => time.GetUtcNow();
}
