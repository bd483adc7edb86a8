using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>
/// Great-circle (haversine) distance on a sphere of the Earth's mean radius. Walking distance along streets is
/// longer than this; the service circle uses the straight line as a stand-in, which overstates coverage where
/// water or hills lie in between (say so wherever coverage is shown).
/// </summary>
public static class GeoDistance
{
    /// <summary>The IUGG mean Earth radius, metres.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Metres along the surface for one degree of latitude (about 111,195 m).</summary>
    public const double MetersPerDegreeLatitude = EarthRadiusMeters * Math.PI / 180;

    public static double Meters(GeoPoint a, GeoPoint b)
    {
        var lat1 = ToRadians(a.Latitude);
        var lat2 = ToRadians(b.Latitude);
        var dLat = lat2 - lat1;
        var dLon = ToRadians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
