namespace Lianxin.Governance;

/// <summary>Counts, overdue and time to close of help requests, per center and function. Pure.</summary>
public static class ClosedLoopStatistics
{
    public static IReadOnlyList<LoopStatisticsRow> Compute(IEnumerable<LoopTicket> tickets, DateTimeOffset now) =>
        [.. tickets
            .GroupBy(t => (t.CenterId, t.Function))
            .OrderBy(g => g.Key.CenterId, StringComparer.Ordinal).ThenBy(g => g.Key.Function)
            .Select(g =>
            {
                var resolved = g.Where(t => t.IsResolved).ToList();
                var rated = g.Where(t => t.Rating is not null).ToList();
                return new LoopStatisticsRow(
                    g.Key.CenterId,
                    g.Key.Function,
                    g.Count(),
                    g.Count(t => !t.IsResolved),
                    g.Count(t => t.IsOverdueAt(now)),
                    resolved.Count,
                    resolved.Count(t => t.ResolvedOnTime),
                    Median(resolved.Select(t => (t.ResolvedAt!.Value - t.RaisedAt).TotalHours)),
                    rated.Count == 0 ? null : Math.Round(rated.Average(t => t.Rating!.Value), 2));
            })];

    /// <summary>The star-rating evidence of a center's requests: on time, late, and still open past a limit.</summary>
    public static HelpRequestTally Tally(IEnumerable<LoopTicket> tickets, DateTimeOffset now)
    {
        int onTime = 0, late = 0, overdue = 0;
        foreach (var t in tickets)
        {
            if (t.ResolvedOnTime)
            {
                onTime++;
            }
            else if (t.IsResolved)
            {
                late++;
            }
            else if (t.IsOverdueAt(now))
            {
                overdue++;
            }
        }

        return new HelpRequestTally(onTime, late, overdue);
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return Math.Round(median, 2);
    }
}
