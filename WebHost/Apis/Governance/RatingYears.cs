using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>Which rating years may be asked for: from 2000 up to the current year (a year in progress rates so far).</summary>
internal static class RatingYears
{
    public const int First = 2000;

    /// <summary>
    /// Refuses the route's <c>{year}</c> when it is not a rating year. Added before the access filters: a year no one may
    /// ask for is a bad request for every caller, in or out of scope.
    /// </summary>
    public static RouteHandlerBuilder RequireRatingYear(this RouteHandlerBuilder endpoint) =>
        endpoint
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var year = int.Parse((string)http.GetRouteValue("year")!, CultureInfo.InvariantCulture);
                return Check(year, http.RequestServices.GetRequiredService<TimeProvider>()) is { } badYear ? badYear : await next(context);
            })
            .ProducesValidationProblem();

    /// <summary>Null when the year is acceptable; otherwise the validation problem.</summary>
    public static ValidationProblem? Check(int year, TimeProvider clock)
    {
        var current = clock.GetLocalNow().Year;
        if (year >= First && year <= current)
        {
            return null;
        }

        var v = new Validation();
        v.Add("year", $"Must be a year from {First} to {current}.");
        return ApiResults.Invalid(v);
    }
}
