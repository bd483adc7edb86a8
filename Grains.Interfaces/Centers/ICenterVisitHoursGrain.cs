using Lianxin.Common;

namespace Lianxin.Centers;

/// <summary>
/// A center's visits per local hour for the outbound event feed, keyed by center id. It is told the center's
/// check-ins of today (as the center's activity reports them to the center) and publishes each hour once it is over.
/// </summary>
[Alias("Lianxin.ICenterVisitHoursGrain")]
public interface ICenterVisitHoursGrain : IGrainWithStringKey
{
    /// <summary>Today's check-ins by function, as the center has them now.</summary>
    [Alias("Observe"), OneWay]
    Task ObserveAsync(IReadOnlyDictionary<BasicFunction, int> checkInsToday);
}
