namespace Lianxin.Live;

/// <summary>A web host's receiver of a scope's changes; it forwards them to the dashboards subscribed to the scope.</summary>
[Alias("Lianxin.ILiveObserver")]
public interface ILiveObserver : IGrainObserver
{
    /// <summary>A scope changed, whole items (version 1). Delivery is best effort: a lost delta shows as a gap in the numbers.</summary>
    [Alias("OnDelta"), OneWay]
    Task OnDeltaAsync(LiveDelta delta);

    /// <summary>A scope changed, changed fields only (version 2). Best effort, numbered like deltas but on its own.</summary>
    [Alias("OnPatch"), OneWay]
    Task OnPatchAsync(LivePatch patch);
}
