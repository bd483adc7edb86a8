using Lianxin.Centers;
using Lianxin.Governance;
using Lianxin.WebHost.Governance;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>The printable yearly report of a center.</summary>
internal static class ReportEndpoints
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/centers/{id}/reports/{year:int}", GetAsync)
            .WithSummary("A center's yearly report as a printable HTML page (A4): compliance, star rating with contributions, decisions, help requests' closed loop, service circle.")
            .Produces(200, contentType: "text/html").RequireRatingYear().RequireGovernanceRead(GovernanceAccess.Center);

    private static async Task<Results<ContentHttpResult, NotFoundProblem>> GetAsync(
        string id, int year, HttpContext http, IGrainFactory grains, GovernanceOptions options, TimeProvider clock)
    {
        var target = http.Target();
        if (await grains.GetGrain<ICenterGrain>(id).GetAsync() is not { } center)
        {
            return ApiResults.NotFound($"center '{id}' does not exist.");
        }

        var rating = await CenterRating.ReadAsync(grains, center, year);
        var (points, sites) = await grains.GetGrain<IGovernanceQueryGrain>(0).ReadServiceCircleAsync(id, target.CenterPath);
        var coverage = ServiceCircleCalculator.Compute([.. points.Where(p => p.CenterId == id)], sites, options.WalkingDistanceMeters);
        var helpRequests = ClosedLoopStatistics.Compute(
            await grains.GetGrain<ICenterHelpRequestsGrain>(GovernanceKeys.Rating(id, year)).ListAsync(), clock.GetUtcNow());
        var page = CenterReportPage.Render(center, ComplianceRules.Evaluate(center), rating, coverage, helpRequests, clock.GetUtcNow());
        return TypedResults.Content(page, "text/html; charset=utf-8");
    }
}
