namespace Lianxin.Limits;

/// <summary>
/// One rate-limit partition (<c>user:{sub}</c>, <c>kiosk:{id}</c>, <c>hub:{sub}</c>) shared by every web host. Hosts
/// do not ask per request: each leases a slice of a window's permits, spends it locally and asks again when it is
/// gone; the actor never grants more than the window's permits in all. Held in memory only: an actor lost with its
/// silo starts its windows afresh, which at worst grants one window's permits twice.
/// </summary>
[Alias("Lianxin.IRateLimitGrain")]
public interface IRateLimitGrain : IGrainWithStringKey
{
    /// <summary>
    /// Grants up to <paramref name="requested"/> of window <paramref name="window"/>'s <paramref name="permitLimit"/>
    /// permits (the window's number: UTC ticks divided by the window's length); 0 when they are all granted.
    /// </summary>
    [Alias("Lease")]
    Task<int> LeaseAsync(long window, int permitLimit, int requested);
}
