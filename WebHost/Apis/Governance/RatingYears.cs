using System.Globalization;
using Lianxin.Common;
using Lianxin.Kiosks;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>Which rating years may be asked for: from 2000 up to the current year (a year in progress rates so far).</summary>
internal static class RatingYears
{
    public const int First = 2000;

    /// <summary>Refuses the route's <c>{year}</c> when it is not a rating year, for every caller (ahead of the access filters).</summary>
    public static RouteHandlerBuilder RequireRatingYear(this RouteHandlerBuilder endpoint) =>
        endpoint.ValidateRoute((v, http) =>
            Check(v, int.Parse((string)http.GetRouteValue("year")!, CultureInfo.InvariantCulture), http.RequestServices));

    /// <summary>The current year is the centers' (from New Year's midnight in their zone, not the server's).</summary>
    private static void Check(Validation v, int year, IServiceProvider services)
    {
        var clock = services.GetRequiredKeyedService<TimeProvider>(CentersClock.Key);
        var current = services.GetRequiredService<IOptions<KioskOptions>>().Value.DayOf(clock.GetUtcNow()).Year;
        if (year < First || year > current)
        {
            v.Add("year", $"Must be a year from {First} to {current}.");
        }
    }
}
