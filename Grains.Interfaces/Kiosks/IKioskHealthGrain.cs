namespace Lianxin.Kiosks;

/// <summary>
/// A kiosk's fleet health (keyed by kiosk id): heartbeats, peripheral states and faults, uptime per local day,
/// and the sustained-outage alert it raises to its center and the command centers above it.
/// </summary>
[Alias("Lianxin.IKioskHealthGrain")]
public interface IKioskHealthGrain : IGrainWithStringKey
{
    /// <summary>Records a heartbeat received now and answers the health that follows.</summary>
    [Alias("Beat")]
    Task<KioskHealth> BeatAsync(KioskHeartbeat heartbeat);

    /// <summary>
    /// Records that the kiosk was heard from at <paramref name="at"/> through authenticated traffic other than a
    /// heartbeat (an event upload): it is alive, whether or not it sends heartbeats.
    /// </summary>
    [Alias("RecordTraffic")]
    Task RecordTrafficAsync(DateTimeOffset at);

    /// <summary>Records a fault event (idempotent by event id).</summary>
    [Alias("RecordFault")]
    Task RecordFaultAsync(KioskFault fault);

    /// <summary>The health as of now.</summary>
    [Alias("Get")]
    Task<KioskHealth> GetAsync();

    /// <summary>Re-evaluates the heartbeat state, uptime and alerts as of now; the grain's own timer calls it too.</summary>
    [Alias("Check")]
    Task CheckAsync();

    /// <summary>Persists what is held in memory; answers when it is durable.</summary>
    [Alias("Flush")]
    Task FlushAsync();
}
