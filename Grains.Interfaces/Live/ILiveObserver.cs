namespace Lianxin.Live;

/// <summary>A web host's receiver of deltas; it forwards them to the dashboards subscribed to the scope.</summary>
[Alias("Lianxin.ILiveObserver")]
public interface ILiveObserver : IGrainObserver
{
    /// <summary>A scope changed. Delivery is best effort: a lost delta shows as a gap in the numbers.</summary>
    [Alias("OnDelta"), OneWay]
    Task OnDeltaAsync(LiveDelta delta);
}
