namespace Lianxin.Governance;

/// <summary>A center's approved volunteer service over a period: entries, distinct volunteers, hours and points earned.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ServiceTotals")]
public sealed record ServiceTotals(
    [property: Id(0)] int Entries,
    [property: Id(1)] int Volunteers,
    [property: Id(2)] double Hours,
    [property: Id(3)] int Points)
{
    /// <summary>Totals of a center with no service recorded.</summary>
    public static ServiceTotals Empty { get; } = new(0, 0, 0, 0);

    /// <summary>The totals of approved entries whose local day lies in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static ServiceTotals Of(IEnumerable<ApprovedService> entries, DateOnly from, DateOnly to)
    {
        var inPeriod = entries.Where(e => e.Day >= from && e.Day <= to).ToList();
        return new(
            inPeriod.Count,
            inPeriod.Select(e => e.PersonId).Distinct(StringComparer.Ordinal).Count(),
            Math.Round(inPeriod.Sum(e => e.Hours), 2),
            inPeriod.Sum(e => e.Points));
    }
}
