namespace Lianxin.EventFeed;

/// <summary>How long a subscriber waits after its <c>n</c>-th failed delivery of one event: doubling, capped. Pure.</summary>
public static class DeliveryBackoff
{
    public static TimeSpan After(int failures, TimeSpan first, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        var wait = first.TotalMilliseconds * factor;
        return wait >= max.TotalMilliseconds ? max : TimeSpan.FromMilliseconds(wait);
    }
}
