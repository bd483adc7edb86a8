namespace Lianxin.WebHost.Apis.Governance;

/// <summary>Which rating years may be asked for: from 2000 up to the current year (a year in progress rates so far).</summary>
internal static class RatingYears
{
    public const int First = 2000;

    /// <summary>Null when the year is acceptable; otherwise the validation problem.</summary>
    public static IResult? Check(int year, TimeProvider clock)
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
