namespace Lianxin.Common;

/// <summary>
/// The centers' clock: the <see cref="TimeProvider"/> the product's rules read as "now" (visit deadlines, heartbeat
/// ages, "today", shift and help-request limits), registered under <see cref="Key"/> and taken with
/// <c>[FromKeyedServices(CentersClock.Key)] TimeProvider</c>. It is keyed, not the container's plain
/// <see cref="TimeProvider"/>, because Orleans' runtime takes that one (membership, reminders, the activation
/// collector), and tests that set the centers' time (a shift's eve, a limit three hours on, a mid-morning cluster) must
/// not move the runtime's: a three-silo cluster given a clock shifted to mid-morning could not start (its connectivity
/// probes were canceled as expired). In production both are <see cref="TimeProvider.System"/>.
/// </summary>
public static class CentersClock
{
    /// <summary>The service key of the centers' <see cref="TimeProvider"/>.</summary>
    public const string Key = "lianxin-centers-clock";
}
