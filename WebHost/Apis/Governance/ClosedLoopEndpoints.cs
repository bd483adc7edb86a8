using Lianxin.Governance;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>The help requests' closed loop in figures: counts, overdue and time to close per center and function.</summary>
internal static class ClosedLoopEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/regions/{id}/help-requests/{year:int}", GetAsync)
            .WithSummary("Help requests raised in the year in a region (or center) and below: counts, open, overdue now, resolved, on time, median hours to resolve, average rating, per center and function.")
            .RequireRatingYear().RequireGovernanceRead(GovernanceAccess.Region);
        group.MapGet("/regions/{id}/help-requests/{year:int}.csv", GetCsvAsync)
            .WithSummary("The same figures, one row per center and function (CSV).")
            .Produces(200, contentType: "text/csv").RequireRatingYear().RequireGovernanceRead(GovernanceAccess.Region);
    }

    /// <summary>Every center of the subtree's tickets of the year, from the centers' yearly books.</summary>
    public static async Task<IReadOnlyList<LoopStatisticsRow>> RowsAsync(IGrainFactory grains, string rootId, int year, TimeProvider clock)
    {
        var centers = await grains.GetGrain<IGovernanceQueryGrain>(0).ReadSubtreeAsync(rootId);
        var books = await Task.WhenAll(centers.Select(c => grains.GetGrain<ICenterHelpRequestsGrain>(GovernanceKeys.Rating(c.Id, year)).ListAsync()));
        return ClosedLoopStatistics.Compute(books.SelectMany(b => b), clock.GetUtcNow());
    }

    private static async Task<Ok<ClosedLoopFigures>> GetAsync(string id, int year, IGrainFactory grains, TimeProvider clock)
    {
        var rows = await RowsAsync(grains, id, year, clock);
        return TypedResults.Ok(new ClosedLoopFigures(id, year, ClosedLoopTotals.Of(rows), rows));
    }

    private static async Task<FileContentHttpResult> GetCsvAsync(string id, int year, IGrainFactory grains, TimeProvider clock)
    {
        var rows = await RowsAsync(grains, id, year, clock);
        return Csv.File(
            $"help-requests-{id}-{year}.csv",
            ["centerId", "function", "year", "raised", "open", "overdueNow", "resolved", "resolvedOnTime", "medianHoursToResolve", "averageRating"],
            rows.Select(r => (IReadOnlyList<object?>)
                [r.CenterId, r.Function, year, r.Raised, r.Open, r.OverdueNow, r.Resolved, r.ResolvedOnTime, r.MedianHoursToResolve, r.AverageRating]));
    }
}

/// <summary>A region's closed-loop figures for a year: the totals and one row per center and function.</summary>
public sealed record ClosedLoopFigures(string RegionId, int Year, ClosedLoopTotals Totals, IReadOnlyList<LoopStatisticsRow> Rows);

/// <summary>The totals of a set of closed-loop rows.</summary>
public sealed record ClosedLoopTotals(int Raised, int Open, int OverdueNow, int Resolved, int ResolvedOnTime)
{
    public static ClosedLoopTotals Of(IReadOnlyList<LoopStatisticsRow> rows) => new(
        rows.Sum(r => r.Raised), rows.Sum(r => r.Open), rows.Sum(r => r.OverdueNow), rows.Sum(r => r.Resolved), rows.Sum(r => r.ResolvedOnTime));
}
