using Lianxin.Centers;
using Lianxin.Governance;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>Standards compliance of a center, and the failing centers of a region.</summary>
internal static class ComplianceEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/centers/{id}/compliance", GetCenterAsync)
            .WithSummary("Every standards check of a center: pass / fail / exempt / notApplicable, with the numbers.")
            .RequireGovernanceRead(GovernanceAccess.Center);
        group.MapGet("/regions/{id}/compliance", GetRegionAsync)
            .WithSummary("The centers of a region that fail a standard (all centers with ?all=true), with counts per check.")
            .RequireGovernanceRead(GovernanceAccess.Region);
        group.MapGet("/regions/{id}/compliance.csv", GetRegionCsvAsync)
            .WithSummary("Every check of every center of a region, one row per check (CSV).")
            .Produces(200, contentType: "text/csv").RequireGovernanceRead(GovernanceAccess.Region);
    }

    public static async Task<Results<Ok<CenterCompliance>, NotFoundProblem>> GetCenterAsync(string id, IGrainFactory grains)
    {
        var center = await grains.GetGrain<ICenterGrain>(id).GetAsync();
        return center is null ? ApiResults.NotFound($"center '{id}' does not exist.") : TypedResults.Ok(ComplianceRules.Evaluate(center));
    }

    public static async Task<Ok<RegionCompliance>> GetRegionAsync(string id, bool? all, IGrainFactory grains)
    {
        var checks = await EvaluateRegionAsync(grains, id);
        var failingByCheck = Enum.GetValues<ComplianceCheckKind>()
            .ToDictionary(k => k, k => checks.Count(c => c[k].Outcome == ComplianceOutcome.Fail));
        var items = all == true ? checks : [.. checks.Where(c => c.Failing)];
        return TypedResults.Ok(new RegionCompliance(id, checks.Count, checks.Count(c => c.Failing), failingByCheck, items));
    }

    public static async Task<FileContentHttpResult> GetRegionCsvAsync(string id, IGrainFactory grains)
    {
        var checks = await EvaluateRegionAsync(grains, id);
        return Csv.File(
            $"compliance-{id}.csv",
            ["centerId", "name", "level", "parentId", "check", "outcome", "measured", "required", "unit", "summary", "exemptionReason", "findings"],
            checks.SelectMany(c => c.Checks.Select(k => (IReadOnlyList<object?>)
                [c.CenterId, c.Name, c.Level, c.ParentId, k.Kind, k.Outcome, k.Measured, k.Required, k.Unit, k.Summary, k.ExemptionReason, string.Join(" ", k.Findings)])));
    }

    /// <summary>The checks of every center of the region, the region's own center first, parents before children.</summary>
    public static async Task<IReadOnlyList<CenterCompliance>> EvaluateRegionAsync(IGrainFactory grains, string regionId) =>
        [.. (await grains.GetGrain<IGovernanceQueryGrain>(0).ReadSubtreeAsync(regionId)).Select(ComplianceRules.Evaluate)];
}

/// <summary>A region's compliance: how many centers were checked, how many fail, per check, and the centers listed.</summary>
public sealed record RegionCompliance(
    string RegionId,
    int Centers,
    int Failing,
    IReadOnlyDictionary<ComplianceCheckKind, int> FailingByCheck,
    IReadOnlyList<CenterCompliance> Items);
