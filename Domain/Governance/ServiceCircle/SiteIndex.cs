using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>
/// Sites sorted by latitude, so "is any site within r metres?" only measures the sites in the latitude band
/// r metres either side instead of every site: a district of a thousand sites stays cheap.
/// </summary>
internal sealed class SiteIndex
{
    private readonly ServiceSite[] _sites;
    private readonly double[] _latitudes;

    public SiteIndex(IEnumerable<ServiceSite> sites)
    {
        _sites = [.. sites.OrderBy(s => s.Location.Latitude)];
        _latitudes = [.. _sites.Select(s => s.Location.Latitude)];
    }

    public int Count => _sites.Length;

    /// <summary>True when a site lies within <paramref name="meters"/> of the point.</summary>
    public bool AnyWithin(GeoPoint point, double meters)
    {
        // A degree of latitude is never shorter than this along any great circle, so the band is safe.
        var band = meters / GeoDistance.MetersPerDegreeLatitude;
        var i = LowerBound(point.Latitude - band);
        for (; i < _sites.Length && _latitudes[i] <= point.Latitude + band; i++)
        {
            if (GeoDistance.Meters(point, _sites[i].Location) <= meters)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every site within <paramref name="meters"/> of the point.</summary>
    public IEnumerable<ServiceSite> Within(GeoPoint point, double meters)
    {
        var band = meters / GeoDistance.MetersPerDegreeLatitude;
        for (var i = LowerBound(point.Latitude - band); i < _sites.Length && _latitudes[i] <= point.Latitude + band; i++)
        {
            if (GeoDistance.Meters(point, _sites[i].Location) <= meters)
            {
                yield return _sites[i];
            }
        }
    }

    /// <summary>The nearest site and its distance; null when there are no sites.</summary>
    public (ServiceSite Site, double Meters)? Nearest(GeoPoint point)
    {
        (ServiceSite, double)? best = null;
        foreach (var site in _sites)
        {
            var d = GeoDistance.Meters(point, site.Location);
            if (best is null || d < best.Value.Item2)
            {
                best = (site, d);
            }
        }

        return best;
    }

    private int LowerBound(double latitude)
    {
        int lo = 0, hi = _latitudes.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_latitudes[mid] < latitude)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
