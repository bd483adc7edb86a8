using Lianxin.Governance;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>The residential-point registry of a center: where its households live, for the service circle.</summary>
internal static class ResidentialPointsEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/centers/{id}/residential-points", GetAsync)
            .WithSummary("The residential points a center answers for, with their households.")
            .RequireGovernanceRead(GovernanceAccess.Center);
        group.MapGet("/centers/{id}/residential-points.csv", GetCsvAsync)
            .WithSummary("The residential points a center answers for (CSV).")
            .Produces(200, contentType: "text/csv").RequireGovernanceRead(GovernanceAccess.Center);
        group.MapPut("/centers/{id}/residential-points", ReplaceAsync)
            .WithSummary("Replace the residential points a center answers for.").RequireWrite(TargetKind.Center);
    }

    private static async Task<Ok<ResidentialPointsView>> GetAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(ResidentialPointsView.Of(id, await grains.GetGrain<IResidentialPointsGrain>(id).GetAsync()));

    private static async Task<FileContentHttpResult> GetCsvAsync(string id, IGrainFactory grains)
    {
        var points = await grains.GetGrain<IResidentialPointsGrain>(id).GetAsync();
        return Csv.File(
            $"residential-points-{id}.csv",
            ["centerId", "pointId", "gridId", "latitude", "longitude", "households"],
            points.Select(p => (IReadOnlyList<object?>)[id, p.Id, p.GridId, p.Location.Latitude, p.Location.Longitude, p.Households]));
    }

    private static async Task<Results<Ok<ResidentialPointsView>, ValidationProblem, StateRefusal>> ReplaceAsync(
        string id, ResidentialPointsRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var points = ResidentialPointInput.ToPoints(v, request.Points);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var registry = grains.GetGrain<IResidentialPointsGrain>(id);
        if (ApiResults.Refusal(await registry.ReplaceAsync(points)) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, AuditActions.ResidentialPointsReplaced, $"center:{id}", http.Target(), details: $"points={points.Count}");
        return TypedResults.Ok(ResidentialPointsView.Of(id, await registry.GetAsync()));
    }
}

/// <summary>A center's residential points and their households summed.</summary>
public sealed record ResidentialPointsView(string CenterId, int Households, IReadOnlyList<ResidentialPoint> Points)
{
    public static ResidentialPointsView Of(string centerId, IReadOnlyList<ResidentialPoint> points) => new(centerId, points.Sum(p => p.Households), points);
}
